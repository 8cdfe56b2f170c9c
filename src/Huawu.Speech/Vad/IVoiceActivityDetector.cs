namespace Huawu.Speech.Vad;

/// <summary>
/// Says, window by window, how likely it is that a person is speaking. Stateful: windows must be fed in order,
/// at <see cref="SampleRate"/>, each exactly <see cref="WindowSamples"/> long. One instance per audio stream;
/// not thread-safe. Endpointing (when an utterance starts and ends) is built on top, engine-independently.
/// </summary>
public interface IVoiceActivityDetector : IDisposable
{
    /// <summary>The engine's name as configuration and the CLI spell it (<c>energy</c>, <c>silero</c>).</summary>
    string Name { get; }

    /// <summary>The sample rate the detector works at (callers resample to it).</summary>
    int SampleRate { get; }

    /// <summary>Samples per analysis window (e.g. 512 at 16 kHz for silero, 160 at 8 kHz for 20 ms energy frames).</summary>
    int WindowSamples { get; }

    /// <summary>The probability, 0 to 1, that <paramref name="window"/> holds speech.</summary>
    float Process(ReadOnlySpan<short> window);

    /// <summary>Forgets the stream so far (a new call, or after a long gap).</summary>
    void Reset();
}
