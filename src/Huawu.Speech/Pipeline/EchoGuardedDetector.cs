using Huawu.Speech.Vad;

namespace Huawu.Speech.Pipeline;

/// <summary>
/// Puts the <see cref="EchoGuard"/> in front of a call's detector: a window too quiet to be more than the robot's own
/// echo is not speech, whatever the detector says. The detector still sees every window, so its noise floors and
/// memory run on undisturbed (as behind the tone guard).
/// </summary>
internal sealed class EchoGuardedDetector(IVoiceActivityDetector inner, EchoGuard guard) : IVoiceActivityDetector
{
    public string Name => inner.Name;

    public int SampleRate => inner.SampleRate;

    public int WindowSamples => inner.WindowSamples;

    /// <summary>Windows the guard took for echo although the detector heard speech in them.</summary>
    public long EchoWindows { get; private set; }

    public float Process(ReadOnlySpan<short> window)
    {
        var probability = inner.Process(window);
        if (probability <= 0 || !guard.IsEcho(window)) return probability;
        EchoWindows++;
        return 0;
    }

    public void Reset() => inner.Reset();

    public void Dispose() => inner.Dispose();
}
