using Huawu.Media.Audio;
using Huawu.Media.Clock;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Keeps every frame a tap gives it, for measuring what a call received.</summary>
internal sealed class AudioProbe : IAudioSink
{
    private readonly List<short> _samples = [];

    public int SampleRate { get; private set; }

    public short[] Samples
    {
        get { lock (_samples) return [.. _samples]; }
    }

    public void Write(in MediaTick tick, PcmFrame frame)
    {
        lock (_samples)
        {
            SampleRate = frame.SampleRate;
            _samples.AddRange(frame.Samples);
        }
    }

    /// <summary>The share of the signal's power at <paramref name="frequency"/> (Goertzel), 0 for silence.</summary>
    public static double ShareAt(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        if (samples.IsEmpty) return 0;
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0, total = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
            total += (double)sample * sample;
        }
        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        // A pure tone puts N²/4·A² into its bin and N·A²/2 into the total: the ratio below is 1 for it.
        return total == 0 ? 0 : 2 * power / (samples.Length * total);
    }

    /// <summary>Root mean square, full scale 1.</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return 0;
        double sum = 0;
        foreach (var sample in samples) sum += (double)sample * sample;
        return Math.Sqrt(sum / samples.Length) / short.MaxValue;
    }
}
