using Huawu.Speech.Asr.FunAsr;
using Huawu.Speech.Asr.OpenAi;
using Huawu.Speech.Asr.Pocketsphinx;
using Huawu.Speech.Asr.Sherpa;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr;

/// <summary>Makes the speech recognition engines <c>speech.asr</c> describes, by the names configuration and the CLI use.</summary>
public static class SpeechRecognizers
{
    /// <summary>
    /// Creates <paramref name="engine"/> (null: <c>speech.asr.engine</c>), checking its files, libraries and settings
    /// first; null with the reason when it cannot run here. Relative model paths are taken from
    /// <paramref name="modelDirectory"/> (<c>speech.model_directory</c>).
    /// </summary>
    public static ISpeechRecognizer? TryCreate(string? engine, AsrOptions options, string modelDirectory, TimeProvider time, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Validate() is { Count: > 0 } problems)
        {
            error = string.Join("; ", problems);
            return null;
        }
        error = null;
        switch (engine ?? options.Engine)
        {
            case "pocketsphinx":
                return PocketsphinxRecognizer.TryCreate(options.Pocketsphinx, options.SampleRate, out error);
            case "sherpa":
                return SherpaRecognizer.TryCreate(options.Sherpa, modelDirectory, options.SampleRate, out error);
            case "funasr":
                return new FunAsrRecognizer(options.Funasr, options.SampleRate, time);
            case "openai":
                return OpenAiTranscriptionRecognizer.TryCreate(options.Openai, options.SampleRate, time, out error);
            case var unknown:
                error = $"'{unknown}' is not an engine ({string.Join(", ", AsrOptions.EngineNames)})";
                return null;
        }
    }
}
