using System.Buffers.Binary;

namespace Huawu.Server.Tests.Cli;

/// <summary><c>huawu asr</c> end to end: pocketsphinx (installed by setup) on a real 8 kHz prompt; errors on stderr with exit code 1.</summary>
public sealed class AsrVerbTests : IDisposable
{
    private const string HelloWorld = "/usr/share/asterisk/sounds/en/hello-world.wav";

    private readonly string _root = Directory.CreateTempSubdirectory("huawu-asr-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string PathOf(string name) => Path.Combine(_root, name);

    private Task<HuawuProcess.Outcome> Huawu(params string[] arguments) => HuawuProcess.RunAsync([.. arguments, "--data", PathOf("data")]);

    [Fact]
    public async Task Prints_the_text_heard_within_the_grammar_and_how_long_it_took()
    {
        var result = await Huawu("asr", HelloWorld, "--grammar", "hello world | goodbye world | yes | no");
        Assert.Equal("", result.Errors);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("hello world", lines[0]);
        Assert.StartsWith("(pocketsphinx: 1.40 s of audio in ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keywords_are_spotted_with_hot_words()
    {
        var result = await Huawu("asr", HelloWorld, "--hot-words", "world");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("world", result.Output.Split('\n')[0]);
    }

    [Fact]
    public async Task A_missing_sherpa_model_is_named_with_its_key()
    {
        var result = await Huawu("asr", HelloWorld, "--engine", "sherpa");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith($"huawu: speech.asr.sherpa.model_dir: no model directory at {PathOf("data/models/sherpa-onnx-streaming-paraformer-bilingual-zh-en")}",
            result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_are_checked_by_key()
    {
        File.WriteAllText(PathOf("huawu.yaml"), """
            speech:
              asr:
                engine: pocketsphinx
                sherpa: { num_threads: 0 }
            """);
        var result = await Huawu("asr", HelloWorld, "--grammar", "hello world", "--config", PathOf("huawu.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("speech.asr.sherpa.num_threads: 0 is outside 1-64", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_at_a_rate_other_than_the_telephone_rates_is_refused_with_the_fix()
    {
        File.WriteAllBytes(PathOf("cd.wav"), CdQualityHeader());
        var result = await Huawu("asr", PathOf("cd.wav"), "--grammar", "yes");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"huawu: {PathOf("cd.wav")}: neither 8 nor 16 kHz audio: convert it first (sox IN.wav -r 8000 OUT.wav)\n", result.Errors);
    }

    [Fact]
    public async Task A_file_that_is_not_WAV_is_refused()
    {
        File.WriteAllText(PathOf("notes.wav"), "not audio");
        var result = await Huawu("asr", PathOf("notes.wav"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"huawu: {PathOf("notes.wav")}: not a usable WAV file (NotWave)", result.Errors, StringComparison.Ordinal);
    }

    /// <summary>A 44.1 kHz mono 16-bit WAV header with an empty data chunk (Huawu's writer only writes telephone rates).</summary>
    private static byte[] CdQualityHeader()
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), 44100);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), 88200);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        return header;
    }
}
