using Huawu.Speech.Endpointing;
using Huawu.Speech.Vad;

namespace Huawu.Speech.Configuration;

/// <summary>
/// The <c>speech.vad:</c> section: voice activity detection (energy, silero) and the endpointing every script node
/// starts from (a node may override it).
/// </summary>
public sealed class VadOptions
{
    /// <summary>The default relative place of the silero model in the model directory.</summary>
    public const string DefaultSileroModel = "silero-vad/silero_vad.onnx";

    private static readonly EndpointingOptions Defaults = new();

    /// <summary><c>energy</c> (embedded, the default) or <c>silero</c>.</summary>
    public VadEngine Engine { get; set; } = VadEngine.Energy;

    /// <summary>The silero model file; relative paths are taken from the model directory. Default <see cref="DefaultSileroModel"/>.</summary>
    public string SileroModel { get; set; } = DefaultSileroModel;

    /// <summary>silero's own per-window speech threshold.</summary>
    public float SileroThreshold { get; set; } = 0.5f;

    public float StartThreshold { get; set; } = Defaults.StartThreshold;

    public float StopThreshold { get; set; } = Defaults.StopThreshold;

    public int MinSpeechMs { get; set; } = (int)Defaults.MinSpeech.TotalMilliseconds;

    /// <summary>Speech that stops the robot when the caller may interrupt it (barge-in): sooner than an utterance starts.</summary>
    public int OnsetSpeechMs { get; set; } = (int)Defaults.OnsetSpeech.TotalMilliseconds;

    public int TrailingSilenceMs { get; set; } = (int)Defaults.TrailingSilence.TotalMilliseconds;

    public int MaxUtteranceMs { get; set; } = (int)Defaults.MaxUtterance.TotalMilliseconds;

    public int PreRollMs { get; set; } = (int)Defaults.PreRoll.TotalMilliseconds;

    /// <summary>The endpointing these settings describe.</summary>
    public EndpointingOptions ToEndpointingOptions() => new()
    {
        StartThreshold = StartThreshold,
        StopThreshold = StopThreshold,
        MinSpeech = TimeSpan.FromMilliseconds(MinSpeechMs),
        OnsetSpeech = TimeSpan.FromMilliseconds(OnsetSpeechMs),
        TrailingSilence = TimeSpan.FromMilliseconds(TrailingSilenceMs),
        MaxUtterance = TimeSpan.FromMilliseconds(MaxUtteranceMs),
        PreRoll = TimeSpan.FromMilliseconds(PreRollMs),
    };

    /// <summary>The silero model's full path, given the resolved model directory.</summary>
    public string ResolveSileroModel(string modelDirectory) => Path.GetFullPath(Path.Combine(modelDirectory, SileroModel));

    /// <summary>The problems with this section, each naming its key; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Engine)) errors.Add($"speech.vad.engine: '{Engine}' is not energy or silero");
        if (string.IsNullOrWhiteSpace(SileroModel)) errors.Add("speech.vad.silero_model: required (a path to silero_vad.onnx)");
        // silero-vad-model-config.cc Validate() refuses thresholds outside [0.01, 1).
        if (SileroThreshold is not (>= 0.01f and < 1f)) errors.Add($"speech.vad.silero_threshold: {SileroThreshold} is outside 0.01-0.99");
        foreach (var error in ToEndpointingOptions().Validate()) errors.Add("speech.vad." + KeyOf(error));
        return errors;
    }

    // EndpointingOptions' errors start with its property's name; the operator edits the YAML key.
    private static string KeyOf(string error)
    {
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        var key = error[..colon] switch
        {
            nameof(EndpointingOptions.MinSpeech) => "min_speech_ms",
            nameof(EndpointingOptions.OnsetSpeech) => "onset_speech_ms",
            nameof(EndpointingOptions.TrailingSilence) => "trailing_silence_ms",
            nameof(EndpointingOptions.MaxUtterance) => "max_utterance_ms",
            nameof(EndpointingOptions.PreRoll) => "pre_roll_ms",
            nameof(EndpointingOptions.StartThreshold) => "start_threshold",
            nameof(EndpointingOptions.StopThreshold) => "stop_threshold",
            var other => other,
        };
        return key + error[colon..];
    }
}
