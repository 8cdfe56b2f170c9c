namespace Huawu.Speech.Configuration;

/// <summary>The <c>speech:</c> section of the configuration: where models live and how each engine family is set up.</summary>
public sealed class SpeechOptions
{
    /// <summary>Where model packs live (<c>./huawu models pull</c> writes here). Relative paths are taken from the data directory.</summary>
    public string ModelDirectory { get; set; } = "models";

    public VadOptions Vad { get; set; } = new();

    public TtsOptions Tts { get; set; } = new();

    public AsrOptions Asr { get; set; } = new();
}
