using Huawu.Testing.Peers.Audio;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// What baresip sends as its microphone. There is no sound card: audio comes from the ausine module (a
/// sine tone, never ending) or the aufile module (a 16-bit PCM WAV file). Baresip 1.0.0's aufile hangs the
/// call up when the file ends, so a WAV must outlast the call. DTMF is clocked by the source, so a call
/// always has one.
/// </summary>
public sealed record BaresipAudioSource
{
    private BaresipAudioSource(string module, string device, int sampleRate, int channels)
    {
        Module = module;
        Device = device;
        SampleRate = sampleRate;
        Channels = channels;
    }

    internal string Module { get; }

    internal string Device { get; }

    internal int SampleRate { get; }

    internal int Channels { get; }

    /// <summary>A sine tone; ausine in baresip 1.0.0 produces 48 kHz stereo, which baresip resamples for G.711.</summary>
    public static BaresipAudioSource Sine(int frequencyHz = 440)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencyHz, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequencyHz, 20_000);
        return new BaresipAudioSource("ausine", frequencyHz.ToString(System.Globalization.CultureInfo.InvariantCulture), 48_000, 2);
    }

    /// <summary>A 16-bit PCM WAV file, sent once; baresip resamples it to the codec's rate.</summary>
    public static BaresipAudioSource Wav(string path)
    {
        var audio = PcmAudio.ReadWav(path);
        return new BaresipAudioSource("aufile", Path.GetFullPath(path), audio.SampleRate, audio.Channels);
    }

    public override string ToString() => $"{Module},{Device}";
}
