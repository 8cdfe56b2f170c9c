using Huawu.Media.Audio;
using Huawu.Media.Dsp;

namespace Huawu.Telephony.Diagnostics;

/// <summary>What <c>playback</c> plays without a configured file: three rising tones, 300 ms each, 100 ms apart.</summary>
internal static class BuiltInChime
{
    private const int SampleRate = 8000;
    private static readonly double[] Frequencies = [523.25, 659.25, 783.99];
    private static readonly TimeSpan ToneLength = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(100);

    public static AudioClip Create()
    {
        var toneSamples = (int)(ToneLength.TotalSeconds * SampleRate);
        var gapSamples = (int)(Gap.TotalSeconds * SampleRate);
        var samples = new short[Frequencies.Length * (toneSamples + gapSamples)];
        for (var i = 0; i < Frequencies.Length; i++)
        {
            var tone = new ToneGenerator(ToneSpec.Continuous(Frequencies[i], -10), ToneLength);
            tone.Generate(samples.AsSpan(i * (toneSamples + gapSamples), toneSamples), SampleRate);
        }
        return new AudioClip(SampleRate, samples);
    }
}
