using Huawu.Speech.Tts;

namespace Huawu.Speech.Tests.Tts;

/// <summary>Measurements of synthesized audio the tests judge it by: length, loudness, silent stretches.</summary>
internal static class AudioMeasure
{
    public static async Task<(short[] Samples, int SampleRate, List<SynthesizedAudio> Chunks)> CollectAsync(
        IAsyncEnumerable<SynthesizedAudio> audio)
    {
        var chunks = new List<SynthesizedAudio>();
        await foreach (var chunk in audio) chunks.Add(chunk);
        var samples = chunks.SelectMany(c => c.Samples).ToArray();
        return (samples, chunks.Count == 0 ? 0 : chunks[0].SampleRate, chunks);
    }

    public static TimeSpan Duration(short[] samples, int sampleRate) => TimeSpan.FromSeconds((double)samples.Length / sampleRate);

    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return 0;
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The share of 20 ms frames louder than -40 dBFS.</summary>
    public static double VoicedShare(short[] samples, int sampleRate)
    {
        var frame = sampleRate / 50;
        var frames = samples.Length / frame;
        var voiced = 0;
        for (var i = 0; i < frames; i++)
        {
            if (Rms(samples.AsSpan(i * frame, frame)) > 328) voiced++;
        }
        return frames == 0 ? 0 : (double)voiced / frames;
    }

    /// <summary>The longest run of samples quieter than -60 dBFS.</summary>
    public static TimeSpan LongestSilence(short[] samples, int sampleRate)
    {
        int longest = 0, run = 0;
        foreach (var s in samples)
        {
            run = Math.Abs((int)s) < 33 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return TimeSpan.FromSeconds((double)longest / sampleRate);
    }
}
