namespace Huawu.Speech.Configuration;

/// <summary>
/// The <c>speech.asr:</c> section: speech recognition (pocketsphinx, sherpa-onnx, FunASR, OpenAI-compatible HTTP).
/// Every engine's section may be filled in; <see cref="Engine"/> is the one used when a caller names none.
/// </summary>
public sealed class AsrOptions
{
    /// <summary>The engines by the names configuration, the CLI and scripts use.</summary>
    public static IReadOnlyList<string> EngineNames { get; } = ["pocketsphinx", "sherpa", "funasr", "openai"];

    /// <summary>The default engine: <c>pocketsphinx</c>, <c>sherpa</c>, <c>funasr</c> or <c>openai</c>.</summary>
    public string Engine { get; set; } = "pocketsphinx";

    /// <summary>
    /// The rate sessions take audio at, 8000 or 16000 Hz: telephone audio goes in as it comes, and each engine converts
    /// it to what its model needs.
    /// </summary>
    public int SampleRate { get; set; } = 8000;

    public PocketsphinxAsrOptions Pocketsphinx { get; set; } = new();

    public SherpaAsrOptions Sherpa { get; set; } = new();

    /// <summary>The FunASR runtime server (<c>speech.asr.funasr</c>).</summary>
    public FunasrAsrOptions Funasr { get; set; } = new();

    /// <summary>An OpenAI-compatible transcription server (<c>speech.asr.openai</c>).</summary>
    public OpenaiAsrOptions Openai { get; set; } = new();

    /// <summary>
    /// Checks every value that can be checked without touching the machine (files are checked when an engine is
    /// created, so an engine that is not used cannot fail the configuration). Messages name the key.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!EngineNames.Contains(Engine))
        {
            errors.Add($"speech.asr.engine: '{Engine}' is not an engine ({string.Join(", ", EngineNames)})");
        }
        if (SampleRate is not (8000 or 16000))
        {
            errors.Add($"speech.asr.sample_rate: {SampleRate} is not 8000 or 16000");
        }
        errors.AddRange(Pocketsphinx.Validate());
        errors.AddRange(Sherpa.Validate());
        errors.AddRange(Funasr.Validate());
        errors.AddRange(Openai.Validate());
        return errors;
    }

    internal static void RequireRange(List<string> errors, string key, double value, double minimum, double maximum)
    {
        if (!double.IsFinite(value) || value < minimum || value > maximum)
        {
            errors.Add($"{key}: {value} is outside {minimum}-{maximum}");
        }
    }
}
