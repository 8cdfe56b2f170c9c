using Huawu.Speech.Configuration;
using Huawu.Speech.Vad.Energy;
using Huawu.Speech.Vad.Silero;

namespace Huawu.Speech.Vad;

/// <summary>Where detector factories come from: the configured engine, or one named explicitly.</summary>
public static class VoiceActivityDetectorFactory
{
    /// <summary>The factory <c>speech.vad</c> describes.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="modelDirectory">The resolved model directory (<c>speech.model_directory</c>).</param>
    /// <exception cref="SpeechEngineException">The silero model is missing, damaged or not a silero VAD.</exception>
    public static IVoiceActivityDetectorFactory FromOptions(VadOptions options, string modelDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Engine switch
        {
            VadEngine.Silero => Silero(options.ResolveSileroModel(modelDirectory), options.SileroThreshold),
            _ => Energy(),
        };
    }

    /// <summary>The embedded energy/spectral detector.</summary>
    public static IVoiceActivityDetectorFactory Energy() => EnergyDetectorFactory.Instance;

    /// <summary>silero VAD on the model at <paramref name="modelPath"/>, checked now.</summary>
    /// <param name="modelPath">A <c>silero_vad.onnx</c> (v4, v5 or the k2-fsa export).</param>
    /// <param name="threshold">silero's own speech threshold (0.01–0.99).</param>
    /// <exception cref="SpeechEngineException">The model is missing, damaged or not a silero VAD.</exception>
    public static IVoiceActivityDetectorFactory Silero(string modelPath, float threshold = 0.5f) => new SileroDetectorFactory(modelPath, threshold);
}
