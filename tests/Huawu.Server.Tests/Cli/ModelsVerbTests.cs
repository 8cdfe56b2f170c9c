namespace Huawu.Server.Tests.Cli;

/// <summary>
/// <c>huawu models</c> end to end, without the network: the list, refusals, and a pull from an unreachable mirror that
/// installs nothing. Downloads themselves are tested against a local release server in Huawu.Speech.Tests.
/// </summary>
public sealed class ModelsVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("huawu-models-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Models => Path.Combine(_root, "data", "models");

    private Task<HuawuProcess.Outcome> Huawu(params string[] arguments) => HuawuProcess.RunAsync([.. arguments, "--data", Path.Combine(_root, "data")]);

    [Fact]
    public async Task The_list_shows_every_pack_and_whether_it_is_in_the_model_directory()
    {
        Directory.CreateDirectory(Path.Combine(Models, "silero-vad"));
        var result = await Huawu("models", "list");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"silero-vad                   installed in {Path.Combine(Models, "silero-vad")}", result.Output, StringComparison.Ordinal);
        foreach (var name in new[] { "streaming-zipformer-zh-en", "streaming-paraformer-zh-en", "sense-voice", "vits-melo-zh-en" })
        {
            Assert.Contains($"{name.PadRight(28)} not installed", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_pack_is_refused_with_the_names_there_are()
    {
        var result = await Huawu("models", "pull", "whisper");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("huawu: no model pack 'whisper'; there are: silero-vad, streaming-zipformer-zh-en", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_from_an_unreachable_mirror_fails_and_installs_nothing()
    {
        var directory = Path.Combine(_root, "elsewhere");
        var result = await HuawuProcess.RunAsync("models", "pull", "silero-vad", "--dir", directory, "--mirror", "http://127.0.0.1:1/sherpa/");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("huawu: downloading http://127.0.0.1:1/sherpa/asr-models/silero_vad.onnx", result.Errors, StringComparison.Ordinal);
        Assert.Contains("huawu: http://127.0.0.1:1/sherpa/asr-models/silero_vad.onnx: the download failed (Connection refused", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory, "silero-vad")));
    }
}
