using Huawu.Server.Configuration;
using Huawu.Speech.Vad;

namespace Huawu.Server.Tests.Configuration;

/// <summary>The <c>speech.vad</c> section as the configuration file spells it.</summary>
public sealed class SpeechVadConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "huawu.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void The_section_is_read_with_snake_case_keys()
    {
        var result = ConfigurationLoader.Load(Write("""
            speech:
              vad:
                engine: silero
                silero_model: /opt/models/vad.onnx
                silero_threshold: 0.6
                start_threshold: 0.7
                stop_threshold: 0.4
                min_speech_ms: 200
                trailing_silence_ms: 800
                max_utterance_ms: 15000
                pre_roll_ms: 250
            """), new ConfigurationOverrides());
        Assert.Empty(result.Errors);
        var vad = result.Configuration!.Speech.Vad;
        Assert.Equal((VadEngine.Silero, "/opt/models/vad.onnx", 0.6f), (vad.Engine, vad.SileroModel, vad.SileroThreshold));
        var endpointing = vad.ToEndpointingOptions();
        Assert.Equal((0.7f, 0.4f), (endpointing.StartThreshold, endpointing.StopThreshold));
        Assert.Equal(
            (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(250)),
            (endpointing.MinSpeech, endpointing.TrailingSilence, endpointing.MaxUtterance, endpointing.PreRoll));
    }

    [Fact]
    public void Bad_values_are_errors_naming_the_key()
    {
        var result = ConfigurationLoader.Load(Write("""
            speech:
              vad:
                start_threshold: 0.3
                stop_threshold: 0.5
                trailing_silence_ms: 0
            """), new ConfigurationOverrides());
        Assert.Null(result.Configuration);
        Assert.Contains(result.Errors, e => e.Contains("speech.vad.stop_threshold: 0.5 is above the start threshold 0.3", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("speech.vad.trailing_silence_ms: 0 ms must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_engine_is_an_error_at_its_position()
    {
        var result = ConfigurationLoader.Load(Write("""
            speech:
              vad:
                engine: webrtc
            """), new ConfigurationOverrides());
        Assert.Null(result.Configuration);
        Assert.Contains(result.Errors, e => e.Contains(":3:", StringComparison.Ordinal));
    }
}
