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

    /// <summary>
    /// The mean <see cref="ShareAt"/> of the 20 ms frames that carry sound (RMS over 1 % of full scale), 0 without any.
    /// Unlike one measure over the whole signal it does not fall when packets late on a loaded machine shift the
    /// timeline (the tone's phase jumps between frames), so it says what was heard, not how evenly it arrived.
    /// </summary>
    public static double ShareAtPerFrame(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var frame = sampleRate / 50;
        double sum = 0;
        var loud = 0;
        for (var start = 0; start + frame <= samples.Length; start += frame)
        {
            var slice = samples.Slice(start, frame);
            if (Rms(slice) < 0.01) continue;
            sum += ShareAt(slice, frequency, sampleRate);
            loud++;
        }
        return loud == 0 ? 0 : sum / loud;
    }

    /// <summary>At least half a second of sound, and it is mostly <paramref name="frequency"/>.</summary>
    public static void AssertHears(ReadOnlySpan<short> samples, double frequency, string what, int sampleRate = 8000)
    {
        var loud = LoudFrames(samples, sampleRate);
        var share = ShareAtPerFrame(samples, frequency, sampleRate);
        Assert.True(loud >= 25 && share > 0.8, $"{what}: {loud} frames of sound, {share:F2} of it at {frequency} Hz");
    }

    /// <summary>How many 20 ms frames carry sound (RMS over 1 % of full scale).</summary>
    public static int LoudFrames(ReadOnlySpan<short> samples, int sampleRate)
    {
        var frame = sampleRate / 50;
        var loud = 0;
        for (var start = 0; start + frame <= samples.Length; start += frame)
        {
            if (Rms(samples.Slice(start, frame)) >= 0.01) loud++;
        }
        return loud;
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
