using System.Buffers.Binary;

namespace Huawu.Media.Audio;

/// <summary>
/// Writes 16-bit PCM WAV as it goes (mono, or stereo for call recordings) and patches the RIFF and data
/// sizes into the header on dispose, so the stream must be seekable.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private const int HeaderLength = 44;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _scratch = new byte[2048];
    private long _dataBytes;
    private bool _disposed;

    public WavWriter(Stream stream, int sampleRate, int channels, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanWrite) throw new ArgumentException("A WAV writer needs a writable, seekable stream to patch its header.", nameof(stream));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (channels is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Mono or stereo only.");
        _stream = stream;
        _leaveOpen = leaveOpen;
        SampleRate = sampleRate;
        Channels = channels;
        WriteHeader(0);
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Sample frames written (one sample per channel each).</summary>
    public long FrameCount => _dataBytes / (2 * Channels);

    /// <summary>Creates the file (replacing any) with a buffered stream.</summary>
    public static WavWriter Create(string path, int sampleRate, int channels) =>
        new(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 64 * 1024), sampleRate, channels);

    /// <summary>Appends interleaved samples (a whole number of frames).</summary>
    public void Write(ReadOnlySpan<short> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % Channels != 0) throw new ArgumentException("Write whole frames: a sample for every channel.", nameof(interleaved));
        while (!interleaved.IsEmpty)
        {
            var count = Math.Min(interleaved.Length, _scratch.Length / 2);
            for (var i = 0; i < count; i++) BinaryPrimitives.WriteInt16LittleEndian(_scratch.AsSpan(2 * i), interleaved[i]);
            _stream.Write(_scratch, 0, count * 2);
            _dataBytes += count * 2;
            interleaved = interleaved[count..];
        }
    }

    /// <summary>Appends a stereo block from two equally long channels.</summary>
    public void WriteStereo(ReadOnlySpan<short> left, ReadOnlySpan<short> right)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Channels != 2) throw new InvalidOperationException("This WAV file is mono.");
        if (left.Length != right.Length) throw new ArgumentException("Both channels need the same number of samples.", nameof(right));
        while (!left.IsEmpty)
        {
            var count = Math.Min(left.Length, _scratch.Length / 4);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(_scratch.AsSpan(4 * i), left[i]);
                BinaryPrimitives.WriteInt16LittleEndian(_scratch.AsSpan((4 * i) + 2), right[i]);
            }
            _stream.Write(_scratch, 0, count * 4);
            _dataBytes += count * 4;
            left = left[count..];
            right = right[count..];
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stream.Seek(0, SeekOrigin.Begin);
        WriteHeader(_dataBytes);
        _stream.Seek(0, SeekOrigin.End);
        _stream.Flush();
        if (!_leaveOpen) _stream.Dispose();
    }

    private void WriteHeader(long dataBytes)
    {
        // A data chunk over 4 GiB cannot be described; sizes saturate (readers then read to the end).
        var dataSize = (uint)Math.Min(dataBytes, uint.MaxValue - HeaderLength);
        Span<byte> header = stackalloc byte[HeaderLength];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], dataSize + HeaderLength - 8);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], (ushort)WavEncoding.Pcm16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(SampleRate * Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)(Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], dataSize);
        _stream.Write(header);
    }
}
