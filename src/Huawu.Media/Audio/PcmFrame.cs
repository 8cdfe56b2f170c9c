namespace Huawu.Media.Audio;

/// <summary>
/// One 20 ms frame (<see cref="Clock.MediaClock.FrameDuration"/>, RFC 3551 §4.5's default packetization) of 16-bit mono PCM, allocated once and reused every tick. Whoever is handed a frame may
/// read it during the call only; it is overwritten on the next tick.
/// </summary>
public sealed class PcmFrame
{
    private const int FramesPerSecond = 50;
    private readonly short[] _samples;

    public PcmFrame(int sampleRate)
    {
        _samples = new short[SamplesPerFrame(sampleRate)];
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    /// <summary>160 at 8 kHz, 320 at 16 kHz.</summary>
    public int SampleCount => _samples.Length;

    public Span<short> Samples => _samples;

    /// <summary>The number of samples in a 20 ms frame at <paramref name="sampleRate"/> (8–48 kHz, a multiple of 50 Hz).</summary>
    public static int SamplesPerFrame(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, 48000);
        if (sampleRate % FramesPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "A 20 ms frame needs a rate that is a multiple of 50 Hz.");
        }
        return sampleRate / FramesPerSecond;
    }

    public void Clear() => Array.Clear(_samples);

    /// <summary>Copies another frame of the same rate (use a resampler between rates).</summary>
    public void CopyFrom(PcmFrame other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.SampleRate != SampleRate)
        {
            throw new ArgumentException($"Cannot copy a {other.SampleRate} Hz frame into a {SampleRate} Hz frame.", nameof(other));
        }
        other._samples.CopyTo(_samples, 0);
    }
}
