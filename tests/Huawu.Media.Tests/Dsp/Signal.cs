namespace Huawu.Media.Tests.Dsp;

/// <summary>Test signals and measurements.</summary>
internal static class Signal
{
    public static short[] Sine(double frequency, int sampleRate, int count, double amplitude = 10000, int start = 0) =>
        Enumerable.Range(start, count).Select(n => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * n / sampleRate))).ToArray();

    /// <summary>The amplitude of <paramref name="frequency"/> in <paramref name="samples"/> (Goertzel), in sample units.</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        var energy = 0.0;
        foreach (var sample in samples) energy += (double)sample * sample;
        return Math.Sqrt(energy / samples.Length);
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);
}
