using Huawu.Speech.Configuration;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Vad;

namespace Huawu.Speech.Tests.Vad;

public sealed class VadOptionsTests
{
    [Fact]
    public void The_defaults_are_the_energy_engine_and_the_default_endpointing()
    {
        var options = new VadOptions();
        Assert.Empty(options.Validate());
        Assert.Equal(VadEngine.Energy, options.Engine);
        Assert.Equal(new EndpointingOptions(), options.ToEndpointingOptions());
        Assert.Equal("energy", VoiceActivityDetectorFactory.FromOptions(options, "/nowhere").Name);
    }

    [Fact]
    public void Each_problem_names_its_key()
    {
        var options = new VadOptions
        {
            Engine = (VadEngine)7,
            SileroModel = " ",
            SileroThreshold = 1f,
            StartThreshold = 0.3f,
            StopThreshold = 0.4f,
            MinSpeechMs = -1,
            OnsetSpeechMs = -1,
            TrailingSilenceMs = 0,
            MaxUtteranceMs = -2,
            PreRollMs = 6000,
        };
        var errors = options.Validate();
        foreach (var key in new[] { "engine", "silero_model", "silero_threshold", "stop_threshold", "min_speech_ms", "onset_speech_ms", "trailing_silence_ms", "max_utterance_ms", "pre_roll_ms" })
        {
            Assert.Contains(errors, e => e.StartsWith($"speech.vad.{key}: ", StringComparison.Ordinal));
        }
        Assert.Equal(9, errors.Count);
    }

    [Fact]
    public void The_silero_model_is_found_in_the_model_directory_unless_the_path_is_absolute()
    {
        var directory = Path.Combine(Path.GetTempPath(), "models");
        Assert.Equal(Path.Combine(directory, "silero-vad", "silero_vad.onnx"), new VadOptions().ResolveSileroModel(directory));
        Assert.Equal("/opt/vad/model.onnx", new VadOptions { SileroModel = "/opt/vad/model.onnx" }.ResolveSileroModel(directory));
    }

    [Fact]
    public void Choosing_silero_without_its_model_fails_at_once_naming_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("huawu-models-").FullName;
        try
        {
            var refused = Assert.Throws<SpeechEngineException>(() => VoiceActivityDetectorFactory.FromOptions(new VadOptions { Engine = VadEngine.Silero }, directory));
            Assert.Contains(Path.Combine(directory, "silero-vad", "silero_vad.onnx"), refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
