namespace Huawu.Media.Audio;

/// <summary>
/// A prompt or announcement decoded once into memory as 16-bit mono PCM (stereo files are down-mixed),
/// shared by every call that plays it; each call reads it through its own <see cref="PlaybackSource"/>.
/// </summary>
public sealed class AudioClip
{
    private readonly short[] _samples;

    public AudioClip(int sampleRate, short[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        PcmFrame.SamplesPerFrame(sampleRate);
        SampleRate = sampleRate;
        _samples = samples;
    }

    public int SampleRate { get; }

    public ReadOnlySpan<short> Samples => _samples;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Length / SampleRate);

    /// <summary>Decodes a whole WAV stream; the stream is disposed.</summary>
    public static WavStatus TryLoad(Stream stream, out AudioClip? clip)
    {
        clip = null;
        var status = WavReader.TryOpen(stream, out var reader);
        if (status != WavStatus.Ok)
        {
            stream.Dispose();
            return status;
        }
        using (reader)
        {
            var channels = reader!.Format.Channels;
            var mono = new short[reader.SampleCount / channels];
            var block = new short[1024 * channels];
            var frames = 0;
            int read;
            while ((read = reader.Read(block)) > 0)
            {
                for (var i = 0; i + channels <= read; i += channels)
                {
                    // Down-mix by averaging the channels (halving keeps the sum within 16 bits).
                    mono[frames++] = channels == 1 ? block[i] : (short)((block[i] + block[i + 1]) >> 1);
                }
            }
            clip = new AudioClip(reader.Format.SampleRate, frames == mono.Length ? mono : mono[..frames]);
        }
        return WavStatus.Ok;
    }

    /// <summary>Loads a WAV file; throws when it cannot be read as one (a missing or broken prompt is a deployment bug).</summary>
    public static AudioClip Load(string path)
    {
        var status = TryLoad(File.OpenRead(path), out var clip);
        return status == WavStatus.Ok ? clip! : throw new InvalidDataException($"'{path}' is not a usable WAV file: {status}.");
    }
}
