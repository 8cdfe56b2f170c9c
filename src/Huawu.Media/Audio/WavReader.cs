using System.Buffers.Binary;
using Huawu.Media.Codecs;

namespace Huawu.Media.Audio;

/// <summary>
/// Reads a WAV file as 16-bit PCM: 16-bit PCM, G.711 A-law or µ-law (also inside WAVE_FORMAT_EXTENSIBLE),
/// mono or stereo, 8 or 16 kHz. Chunks other than <c>fmt </c> and <c>data</c> are skipped; the stream is
/// read forward only.
/// </summary>
public sealed class WavReader : IDisposable
{
    private const ushort ExtensibleTag = 0xFFFE;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[4096];
    private long _bytesLeft;

    private WavReader(Stream stream, bool leaveOpen, WavFormat format, long dataLength)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Format = format;
        _bytesLeft = dataLength - (dataLength % (format.BytesPerSample * format.Channels));
        SampleCount = _bytesLeft / format.BytesPerSample;
    }

    public WavFormat Format { get; }

    /// <summary>Samples in the data chunk, all channels counted (frames × channels).</summary>
    public long SampleCount { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)SampleCount / Format.Channels / Format.SampleRate);

    /// <summary>Reads the headers up to the data chunk. On failure the stream is left to the caller.</summary>
    public static WavStatus TryOpen(Stream stream, out WavReader? reader, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        reader = null;
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12
            || !header[..4].SequenceEqual("RIFF"u8) || !header[8..].SequenceEqual("WAVE"u8))
        {
            return WavStatus.NotWave;
        }
        WavFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[40];
        while (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) == 8)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (length is < 16 or > 40) return WavStatus.MissingFormat;
                var body = fmt[..(int)length];
                if (stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) < body.Length) return WavStatus.MissingFormat;
                SkipPad(stream, length);
                var status = ParseFormat(body, out var parsed);
                if (status != WavStatus.Ok) return status;
                format = parsed;
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (format is null) return WavStatus.MissingFormat;
                reader = new WavReader(stream, leaveOpen, format.Value, DataLength(stream, length));
                return WavStatus.Ok;
            }
            else if (!Skip(stream, length + (length & 1)))
            {
                break;
            }
        }
        return format is null ? WavStatus.MissingFormat : WavStatus.MissingData;
    }

    /// <summary>Reads interleaved 16-bit samples; returns how many (0 at the end). Partial trailing frames are dropped.</summary>
    public int Read(Span<short> samples)
    {
        var bytesPerSample = Format.BytesPerSample;
        var wanted = (int)Math.Min(Math.Min(samples.Length, _buffer.Length / bytesPerSample), _bytesLeft / bytesPerSample);
        if (wanted == 0) return 0;
        var bytes = _stream.ReadAtLeast(_buffer.AsSpan(0, wanted * bytesPerSample), wanted * bytesPerSample, throwOnEndOfStream: false);
        var count = bytes / bytesPerSample;
        _bytesLeft = count < wanted ? 0 : _bytesLeft - bytes;
        var raw = _buffer.AsSpan(0, count * bytesPerSample);
        switch (Format.Encoding)
        {
            case WavEncoding.ALaw:
                G711.DecodeALaw(raw, samples);
                break;
            case WavEncoding.MuLaw:
                G711.DecodeMuLaw(raw, samples);
                break;
            default:
                for (var i = 0; i < count; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(raw[(2 * i)..]);
                break;
        }
        return count;
    }

    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }

    private static WavStatus ParseFormat(ReadOnlySpan<byte> body, out WavFormat format)
    {
        format = default;
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        if (tag == ExtensibleTag)
        {
            // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID at offset 24.
            if (body.Length < 26) return WavStatus.MissingFormat;
            tag = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
        }
        var encoding = (WavEncoding)tag;
        var supported = (encoding == WavEncoding.Pcm16 && bits == 16) || (encoding is WavEncoding.ALaw or WavEncoding.MuLaw && bits == 8);
        if (!supported) return WavStatus.UnsupportedEncoding;
        if (channels is not (1 or 2)) return WavStatus.UnsupportedChannels;
        if (sampleRate is not (8000 or 16000)) return WavStatus.UnsupportedSampleRate;
        format = new WavFormat(encoding, sampleRate, channels);
        return WavStatus.Ok;
    }

    /// <summary>
    /// The data length to trust: a streaming writer that never patched its header leaves 0 or 0xFFFFFFFF,
    /// and a truncated file holds less than it claims; when the stream can tell, read to its end instead.
    /// </summary>
    private static long DataLength(Stream stream, uint declared)
    {
        if (!stream.CanSeek) return declared;
        var remaining = stream.Length - stream.Position;
        return declared is 0 or uint.MaxValue ? remaining : Math.Min(declared, remaining);
    }

    private static void SkipPad(Stream stream, uint length)
    {
        if ((length & 1) != 0) Skip(stream, 1);
    }

    private static bool Skip(Stream stream, long length)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + length > stream.Length) return false;
            stream.Seek(length, SeekOrigin.Current);
            return true;
        }
        Span<byte> sink = stackalloc byte[256];
        while (length > 0)
        {
            var read = stream.Read(sink[..(int)Math.Min(sink.Length, length)]);
            if (read == 0) return false;
            length -= read;
        }
        return true;
    }
}
