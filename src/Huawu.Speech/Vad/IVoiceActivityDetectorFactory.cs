namespace Huawu.Speech.Vad;

/// <summary>
/// Makes a detector for each audio stream (detectors are stateful, one per stream). Set up once — a model is checked
/// when the factory is made, not on a call — and safe to use from many calls at once.
/// </summary>
public interface IVoiceActivityDetectorFactory
{
    /// <summary>The engine's name (<c>energy</c>, <c>silero</c>).</summary>
    string Name { get; }

    /// <summary>A new detector for a stream at <paramref name="streamSampleRate"/>; it runs at that rate when it can, else at its own.</summary>
    /// <exception cref="SpeechEngineException">The engine cannot start (e.g. its native library is missing).</exception>
    IVoiceActivityDetector Create(int streamSampleRate);
}
