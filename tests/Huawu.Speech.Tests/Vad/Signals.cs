using Huawu.Media.Dsp;

namespace Huawu.Speech.Tests.Vad;

/// <summary>Synthetic test audio: telephone tones from Huawu.Media's generator, line noise, silence.</summary>
internal static class Signals
{
    public static short[] Silence(int sampleRate, double seconds) => new short[(int)(seconds * sampleRate)];

    /// <summary>Gaussian noise at <paramref name="rmsDbfs"/> (re a full-scale square wave), from a fixed seed.</summary>
    public static short[] Noise(int sampleRate, double seconds, double rmsDbfs, int seed = 7)
    {
        var random = new Random(seed);
        var rms = 32768 * Math.Pow(10, rmsDbfs / 20);
        var samples = new short[(int)(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            // Box–Muller.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            samples[i] = (short)Math.Clamp(Math.Round(gaussian * rms), short.MinValue, short.MaxValue);
        }
        return samples;
    }

    public static short[] Tone(ToneSpec tone, int sampleRate, double seconds)
    {
        var samples = new short[(int)(seconds * sampleRate)];
        new ToneGenerator(tone).Generate(samples, sampleRate);
        return samples;
    }

    /// <summary>Keys of a DTMF string, each <paramref name="on"/> long with <paramref name="gap"/> of silence after it.</summary>
    public static short[] Dtmf(string keys, int sampleRate, TimeSpan on, TimeSpan gap)
    {
        var parts = new List<short>();
        foreach (var key in keys)
        {
            Assert.True(DtmfTones.TryGet(key, on, out var tone));
            parts.AddRange(Tone(tone, sampleRate, on.TotalSeconds));
            parts.AddRange(Silence(sampleRate, gap.TotalSeconds));
        }
        return [.. parts];
    }

    public static short[] Concat(params short[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Sample-wise sum, saturated; the result is as long as the longest part.</summary>
    public static short[] Mix(params short[][] parts)
    {
        var mixed = new short[parts.Max(p => p.Length)];
        for (var i = 0; i < mixed.Length; i++)
        {
            var sum = parts.Sum(p => i < p.Length ? p[i] : 0);
            mixed[i] = (short)Math.Clamp(sum, short.MinValue, short.MaxValue);
        }
        return mixed;
    }
}
