using System.Buffers.Binary;
using System.Text;

namespace Huawu.Testing.Peers.Audio;

/// <summary>
/// 16-bit PCM audio with WAV file I/O: the sources fed to peers (baresip's aufile) and the recordings they
/// make (baresip's sndfile), so tests can check that what was heard is not silence.
/// </summary>
public sealed class PcmAudio
{
    private const ushort PcmFormat = 1, ExtensibleFormat = 0xFFFE;

    public PcmAudio(int sampleRate, int channels, short[] samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentNullException.ThrowIfNull(samples);
        SampleRate = sampleRate;
        Channels = channels;
        Samples = samples;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Interleaved samples.</summary>
    public IReadOnlyList<short> Samples { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Count / Channels / SampleRate);

    /// <summary>Root mean square level relative to full scale (a full-scale sine is about 0.707, silence 0).</summary>
    public double Rms()
    {
        if (Samples.Count == 0) return 0;
        var sum = Samples.Sum(s => (double)s * s);
        return Math.Sqrt(sum / Samples.Count) / 32768.0;
    }

    /// <summary>A mono sine tone.</summary>
    public static PcmAudio Tone(double frequency, TimeSpan duration, int sampleRate = 8000, double amplitude = 0.5)
    {
        var samples = new short[(int)(duration.TotalSeconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return new PcmAudio(sampleRate, 1, samples);
    }

    /// <summary>
    /// Reads a 16-bit PCM WAV file. A data chunk whose size is 0 or runs past the end (a file still being
    /// written, whose header is only completed on close) is read to the end of the file.
    /// </summary>
    public static PcmAudio ReadWav(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file.");
        }
        int? sampleRate = null, channels = null;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)), int.MaxValue);
            var body = offset + 8;
            if (id == "fmt ")
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body));
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 14));
                if (format is not (PcmFormat or ExtensibleFormat) || bits != 16)
                {
                    throw new InvalidDataException($"{path}: only 16-bit PCM is supported (format {format}, {bits} bits).");
                }
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 2));
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body + 4));
            }
            else if (id == "data")
            {
                if (sampleRate is null || channels is null) throw new InvalidDataException($"{path}: data before fmt chunk.");
                var length = size == 0 || body + size > bytes.Length ? bytes.Length - body : size;
                var samples = new short[length / 2];
                for (var i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2 * i));
                return new PcmAudio(sampleRate.Value, channels.Value, samples);
            }
            offset = body + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk.");
    }

    /// <summary>Writes a canonical 44-byte-header PCM WAV file.</summary>
    public void WriteWav(string path)
    {
        var dataLength = Samples.Count * 2;
        var bytes = new byte[44 + dataLength];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataLength));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], PcmFormat);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(SampleRate * Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataLength);
        for (var i = 0; i < Samples.Count; i++) BinaryPrimitives.WriteInt16LittleEndian(span[(44 + 2 * i)..], Samples[i]);
        File.WriteAllBytes(path, bytes);
    }
}
