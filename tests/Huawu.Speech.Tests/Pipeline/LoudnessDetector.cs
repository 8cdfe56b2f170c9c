using Huawu.Speech.Vad;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// A detector for pipeline tests that hears speech in any 20 ms window louder than a threshold (probability 1, else 0),
/// so a test makes speech with loud frames and silence with quiet ones, exactly to the window.
/// </summary>
internal sealed class LoudnessDetector(int sampleRate, double threshold) : IVoiceActivityDetector
{
    public string Name => "loudness";

    public int SampleRate => sampleRate;

    public int WindowSamples => sampleRate / 50;

    public float Process(ReadOnlySpan<short> window)
    {
        double sum = 0;
        foreach (var s in window) sum += s * (double)s;
        return Math.Sqrt(sum / window.Length) > threshold ? 1 : 0;
    }

    public void Reset()
    {
    }

    public void Dispose()
    {
    }

    /// <summary>Makes loudness detectors at the stream's rate.</summary>
    public sealed class Factory(double threshold = 1000) : IVoiceActivityDetectorFactory
    {
        public string Name => "loudness";

        public IVoiceActivityDetector Create(int streamSampleRate) => new LoudnessDetector(streamSampleRate, threshold);
    }
}
