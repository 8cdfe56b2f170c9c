using Huawu.Media.Audio;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Vad;

/// <summary>A shared test recording, mono 16-bit, read in place from <c>../shared/testdata/audio</c>.</summary>
internal sealed record Recording(string Name, int SampleRate, short[] Samples)
{
    public double Seconds => (double)Samples.Length / SampleRate;

    public static Recording Load(string name)
    {
        var path = SharedData.PathOf("testdata/audio/" + name);
        var status = AudioClip.TryLoad(File.OpenRead(path), out var clip);
        if (status == WavStatus.Ok) return new Recording(name, clip!.SampleRate, clip.Samples.ToArray());
        // Huawu.Media reads 8 and 16 kHz only (the 48 kHz VAD recording is refused on purpose); sox decodes it.
        Assert.Equal(WavStatus.UnsupportedSampleRate, status);
        var (rate, samples) = Sox.Read(path);
        return new Recording(name, rate, samples);
    }
}
