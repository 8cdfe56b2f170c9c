using Huawu.Data.Keys;
using Microsoft.Win32.SafeHandles;

namespace Huawu.Data.Recordings;

/// <summary>
/// Plays an encrypted recording as a seekable stream of its audio: a read decrypts (and authenticates) only
/// the chunk it falls in, so playback can start anywhere without reading the file from the beginning. A
/// chunk that fails authentication ends the read with <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class RecordingReadStream : Stream
{
    private readonly SafeFileHandle _file;
    private readonly ChunkCipher _cipher;
    private readonly int _chunkSize;
    private readonly long _chunkCount;
    private readonly int _lastChunkLength;
    private readonly byte[] _sealed;
    private readonly byte[] _plain;
    private long _loadedChunk = -1;
    private long _position;

    private RecordingReadStream(SafeFileHandle file, RecordingFileHeader header, ChunkCipher cipher, long chunkCount, int lastChunkLength)
    {
        _file = file;
        Header = header;
        _cipher = cipher;
        _chunkSize = header.ChunkSize;
        _chunkCount = chunkCount;
        _lastChunkLength = lastChunkLength;
        _sealed = new byte[_chunkSize + ChunkCipher.TagLength];
        _plain = new byte[_chunkSize];
        Length = (chunkCount - 1) * _chunkSize + lastChunkLength;
    }

    public RecordingFileHeader Header { get; }

    public override long Length { get; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>
    /// Opens a recording: checks the header, finds its key and authenticates the last chunk, which proves the
    /// file is complete (a truncated file's last remaining chunk was not sealed as last).
    /// </summary>
    public static RecordingOpenResult Open(string path, KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!File.Exists(path)) return RecordingOpenResult.Failed($"{path}: no such recording");
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var headerBytes = new byte[RecordingFileHeader.Length];
        var fileLength = RandomAccess.GetLength(file);
        if (RandomAccess.Read(file, headerBytes, 0) != headerBytes.Length || !RecordingFileHeader.TryParse(headerBytes, out var header, out _))
        {
            file.Dispose();
            return RecordingOpenResult.Failed($"{path}: not a Huawu recording (or its header is damaged)");
        }
        if (!keys.TryGet(header.KeyId, out var key))
        {
            file.Dispose();
            return RecordingOpenResult.Failed($"{path}: encrypted with key {header.KeyId}, which the key ring does not hold");
        }
        var body = fileLength - RecordingFileHeader.Length;
        var stride = header.ChunkSize + ChunkCipher.TagLength;
        var chunkCount = (body + stride - 1) / stride;
        var lastLength = (int)(body - (chunkCount - 1) * stride) - ChunkCipher.TagLength;
        if (chunkCount == 0 || lastLength < 0)
        {
            file.Dispose();
            return RecordingOpenResult.Failed($"{path}: truncated (no complete last chunk)");
        }
        var stream = new RecordingReadStream(file, header, new ChunkCipher(key, header), chunkCount, lastLength);
        if (!stream.TryLoad(chunkCount - 1))
        {
            stream.Dispose();
            return RecordingOpenResult.Failed($"{path}: the last chunk fails authentication (truncated or altered)");
        }
        return RecordingOpenResult.Opened(stream, header.Format);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty) return 0;
        var chunk = _position / _chunkSize;
        if (!TryLoad(chunk)) throw new InvalidDataException($"recording chunk {chunk} fails authentication (altered)");
        var offsetInChunk = (int)(_position - chunk * _chunkSize);
        var available = ChunkLength(chunk) - offsetInChunk;
        var count = Math.Min(available, buffer.Length);
        _plain.AsSpan(offsetInChunk, count).CopyTo(buffer);
        _position += count;
        return count;
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
        if (disposing)
        {
            _cipher.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    private int ChunkLength(long chunk) => chunk == _chunkCount - 1 ? _lastChunkLength : _chunkSize;

    private bool TryLoad(long chunk)
    {
        if (chunk == _loadedChunk) return true;
        var sealedLength = ChunkLength(chunk) + ChunkCipher.TagLength;
        var offset = RecordingFileHeader.Length + chunk * (_chunkSize + (long)ChunkCipher.TagLength);
        var span = _sealed.AsSpan(0, sealedLength);
        if (RandomAccess.Read(_file, span, offset) != sealedLength) return false;
        _loadedChunk = -1;
        if (!_cipher.TryOpen(chunk, last: chunk == _chunkCount - 1, span, _plain)) return false;
        _loadedChunk = chunk;
        return true;
    }
}
