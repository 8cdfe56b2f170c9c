using System.Globalization;
using Huawu.Testing;

namespace Huawu.Server.Tests.Cli;

/// <summary><c>huawu vad</c> end to end: segments on standard output, refusals on standard error with exit code 1.</summary>
public sealed class VadVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-vad-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Jfk => SharedData.PathOf("testdata/audio/en/jfk.wav");

    private Task<HuawuProcess.Outcome> Huawu(params string[] arguments) => HuawuProcess.RunAsync([.. arguments, "--data", _directory]);

    // jfk.wav's four phrases, verified by hand (tests/Huawu.Speech.Tests/Vad/ReferenceSpeech.cs).
    private static readonly double[] PhraseStarts = [0.33, 3.30, 5.42, 8.20];

    [Theory]
    [InlineData("energy")]
    [InlineData("silero")]
    public async Task Prints_one_start_end_line_per_utterance(string engine)
    {
        var run = await Huawu("vad", Jfk, "--engine", engine, "--model", SharedData.PathOf("models/silero-vad/silero_vad.onnx"));
        Assert.Equal((0, ""), (run.ExitCode, run.Errors));
        var segments = Parse(run.Output);
        Assert.Equal(PhraseStarts.Length, segments.Count);
        foreach (var (segment, start) in segments.Zip(PhraseStarts))
        {
            Assert.InRange(segment.Start, start - 0.2, start + 0.2);
            Assert.True(segment.End > segment.Start);
        }
    }

    [Fact]
    public async Task The_endpointing_flags_change_the_segments()
    {
        // The pauses between jfk's phrases are 0.6–1.1 s: a 1.5 s trailing silence makes one utterance of them…
        var merged = Parse((await Huawu("vad", Jfk, "--trailing-silence", "1500")).Output);
        var only = Assert.Single(merged);
        Assert.InRange(only.Start, 0.13, 0.53);
        // …and no phrase holds 3 s of speech without a dip longer than a stop consonant's.
        var none = await Huawu("vad", Jfk, "--min-speech", "3000");
        Assert.Equal((0, ""), (none.ExitCode, none.Output));
    }

    [Fact]
    public async Task Files_it_cannot_read_are_refused_on_standard_error()
    {
        var text = Path.Combine(_directory, "notes.wav");
        await File.WriteAllTextAsync(text, "not audio");
        foreach (var (arguments, message) in new[]
                 {
                     (new[] { "vad", text }, "not a WAV file"),
                     (new[] { "vad", Path.Combine(_directory, "absent.wav") }, "no such file"),
                     (new[] { "vad", SharedData.PathOf("testdata/audio/vad/funasr-VAD_30s_mono.wav") }, "not at 8 or 16 kHz"),
                     (new[] { "vad", Jfk, "--engine", "silero" }, "silero_vad.onnx' cannot be used: the file does not exist"),
                     (new[] { "vad", Jfk, "--trailing-silence", "0" }, "--trailing-silence"),
                 })
        {
            var run = await Huawu(arguments);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(message, run.Errors, StringComparison.Ordinal);
            Assert.Equal("", run.Output);
        }
    }

    private static List<(double Start, double End)> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t')[0].Split('-'))
            .Select(parts => (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToList();
}
