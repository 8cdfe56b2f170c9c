using System.Buffers.Binary;

namespace Huawu.Server.Tests.Cli;

/// <summary><c>huawu tts</c> end to end: espeak-ng (installed by setup) into a WAV file; errors on stderr with exit code 1.</summary>
public sealed class TtsVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("huawu-tts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string PathOf(string name) => Path.Combine(_root, name);

    private Task<HuawuProcess.Outcome> Huawu(params string[] arguments) => HuawuProcess.RunAsync([.. arguments, "--data", PathOf("data")]);

    [Fact]
    public async Task Writes_a_WAV_at_the_engines_rate()
    {
        var result = await Huawu("tts", "<speak>您好<break time=\"500ms\"/>再见</speak>", "--voice", "cmn", "--out", PathOf("hello.wav"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Errors);
        var (rate, seconds) = ReadWav(PathOf("hello.wav"));
        Assert.Equal(22050, rate);
        Assert.InRange(seconds, 0.5 + (4 * 0.15), 0.5 + (4 * 0.6));
        Assert.Contains($"{PathOf("hello.wav")}: {seconds:0.00} s at 22050 Hz (espeak, cmn)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_voice_of_a_language_is_the_default()
    {
        File.WriteAllText(PathOf("huawu.yaml"), """
            speech:
              tts:
                default_language: en
                languages:
                  en: { engine: espeak, voice: en-gb }
            """);
        var result = await Huawu("tts", "Hello.", "--out", PathOf("hello.wav"), "--config", PathOf("huawu.yaml"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(espeak, en-gb)", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<speak>hi<break time='soon'/></speak>", "cmn", "huawu: SSML error at character 16: break time 'soon' is not a duration")]
    [InlineData("hi", "nobody", "huawu: The espeak engine has no voice 'nobody'.")]
    public async Task Problems_go_to_standard_error_and_leave_no_file(string text, string voice, string message)
    {
        var result = await Huawu("tts", text, "--voice", voice, "--out", PathOf("out.wav"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("out.wav")));
    }

    [Fact]
    public async Task Invalid_tts_settings_are_named_by_their_key()
    {
        File.WriteAllText(PathOf("huawu.yaml"), """
            speech:
              tts:
                default_engine: festival
                http: { base_url: "ftp://example", response_format: mp3 }
            """);
        var result = await Huawu("tts", "hi", "--out", PathOf("out.wav"), "--config", PathOf("huawu.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("speech.tts.default_engine: 'festival' is not an engine (espeak, prompts, sherpa, http)", result.Errors, StringComparison.Ordinal);
        Assert.Contains("speech.tts.http.base_url: 'ftp://example' is not an http(s) URL", result.Errors, StringComparison.Ordinal);
        Assert.Contains("speech.tts.http.response_format: 'mp3' is not pcm or wav", result.Errors, StringComparison.Ordinal);
    }

    private static (int Rate, double Seconds) ReadWav(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24));
        var dataBytes = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40));
        return (rate, dataBytes / 2.0 / rate);
    }
}
