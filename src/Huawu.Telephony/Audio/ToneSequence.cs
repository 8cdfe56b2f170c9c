using Huawu.Media.Audio;
using Huawu.Media.Dsp;

namespace Huawu.Telephony.Audio;

/// <summary>A short clip of tones played one after another with a gap after each, made once and shared by every call.</summary>
internal static class ToneSequence
{
    private const int SampleRate = 8000;

    /// <summary>Each frequency for <paramref name="toneLength"/> at −10 dBm0, followed by <paramref name="gap"/> of silence.</summary>
    public static AudioClip Create(IReadOnlyList<double> frequencies, TimeSpan toneLength, TimeSpan gap)
    {
        var toneSamples = (int)(toneLength.TotalSeconds * SampleRate);
        var gapSamples = (int)(gap.TotalSeconds * SampleRate);
        var samples = new short[frequencies.Count * (toneSamples + gapSamples)];
        for (var i = 0; i < frequencies.Count; i++)
        {
            var tone = new ToneGenerator(ToneSpec.Continuous(frequencies[i], -10), toneLength);
            tone.Generate(samples.AsSpan(i * (toneSamples + gapSamples), toneSamples), SampleRate);
        }
        return new AudioClip(SampleRate, samples);
    }
}
