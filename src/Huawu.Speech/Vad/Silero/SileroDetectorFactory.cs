using Huawu.Speech.Vad.Spectral;

namespace Huawu.Speech.Vad.Silero;

/// <summary>silero detectors on one checked model; each stream gets its own native detector (and ONNX session).</summary>
internal sealed class SileroDetectorFactory : IVoiceActivityDetectorFactory
{
    private readonly string _modelPath;
    private readonly float _threshold;

    public SileroDetectorFactory(string modelPath, float threshold)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        // silero-vad-model-config.cc Validate(): the threshold must be in [0.01, 1).
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 0.01f);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threshold, 1f);
        var path = Path.GetFullPath(modelPath);
        if (!SileroModelFile.TryInspect(path, out var kind, out var problem))
        {
            throw new SpeechEngineException(
                $"The silero VAD model '{path}' cannot be used: {problem}. Point speech.vad.silero_model at a silero_vad.onnx " +
                "(silero v4, v5 or the k2-fsa export), or use the energy engine.");
        }
        _modelPath = path;
        _threshold = threshold;
        Kind = kind;
    }

    public string Name => "silero";

    public SileroModelKind Kind { get; }

    /// <summary>A silero detector behind the tone guard (silero takes some telephone tones for speech).</summary>
    public IVoiceActivityDetector Create(int streamSampleRate) => new ToneGuardedDetector(SileroVoiceActivityDetector.Open(_modelPath, _threshold));
}
