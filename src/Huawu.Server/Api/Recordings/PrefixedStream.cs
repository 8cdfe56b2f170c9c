namespace Huawu.Server.Api.Recordings;

/// <summary>
/// A read-only, seekable stream of a small prefix (a WAV header) followed by a seekable body (the decrypted audio),
/// so HTTP range requests address the file as the client sees it.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, Stream body) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => prefix.Length + body.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty) return 0;
        int read;
        if (_position < prefix.Length)
        {
            read = Math.Min(buffer.Length, prefix.Length - (int)_position);
            prefix.AsSpan((int)_position, read).CopyTo(buffer);
        }
        else
        {
            body.Position = _position - prefix.Length;
            read = body.Read(buffer);
        }
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush() { }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) body.Dispose();
        base.Dispose(disposing);
    }
}
