using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;
using Huawu.Data.Keys;

namespace Huawu.Data.Recordings;

/// <summary>
/// Writes an encrypted recording without ever blocking its caller on disk: <see cref="Write"/> copies audio
/// into a pooled chunk buffer (no allocation per frame) and hands each full chunk to a background task that
/// seals and writes it. The file is written as <c>path.partial</c> and renamed to <c>path</c> only when complete,
/// so a crash leaves a partial file that readers refuse (it has no last chunk), never a truncated "complete" one.
/// <see cref="Write"/> must be called from one thread at a time (the call's media mailbox).
/// </summary>
internal sealed class RecordingFileWriter : IAsyncDisposable
{
    public const string PartialSuffix = ".partial";

    private readonly string _path;
    private readonly int _chunkSize;
    private readonly Channel<PendingChunk> _chunks = Channel.CreateUnbounded<PendingChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _writing;
    private byte[] _current;
    private int _filled;
    private bool _anyQueued;
    private int _state; // 0 open, 1 completing or done, 2 aborted

    public RecordingFileWriter(string path, DataKey key, RecordingFormat format, int chunkSize = RecordingFileHeader.DefaultChunkSize,
        byte[]? fileId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _path = path;
        _chunkSize = chunkSize;
        Header = new RecordingFileHeader(key.Id, fileId ?? RandomNumberGenerator.GetBytes(RecordingFileHeader.FileIdLength), chunkSize, format);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path + PartialSuffix, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous,
            BufferSize = 0,
        });
        _current = ArrayPool<byte>.Shared.Rent(chunkSize);
        _writing = WriteChunksAsync(file, new ChunkCipher(key, Header));
    }

    public RecordingFileHeader Header { get; }

    /// <summary>Audio bytes accepted so far.</summary>
    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> audio)
    {
        if (Volatile.Read(ref _state) != 0) throw new InvalidOperationException("The recording is already complete.");
        while (!audio.IsEmpty)
        {
            var count = Math.Min(audio.Length, _chunkSize - _filled);
            audio[..count].CopyTo(_current.AsSpan(_filled));
            _filled += count;
            Length += count;
            audio = audio[count..];
            if (_filled == _chunkSize) Queue();
        }
    }

    /// <summary>Writes what is buffered, seals the last chunk, syncs the file to disk and gives it its final name.</summary>
    public async Task CompleteAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0) throw new InvalidOperationException("The recording is already complete.");
        // The last chunk holds the tail; an empty recording still gets one (empty) last chunk to mark its end.
        if (_filled > 0 || !_anyQueued) Queue();
        else ArrayPool<byte>.Shared.Return(_current);
        _chunks.Writer.Complete();
        await _writing;
        File.Move(_path + PartialSuffix, _path);
    }

    /// <summary>Without <see cref="CompleteAsync"/>: stops and deletes the partial file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) != 0) return;
        ArrayPool<byte>.Shared.Return(_current);
        _chunks.Writer.Complete();
        try
        {
            await _writing;
        }
        catch (IOException)
        {
            // Aborting anyway; the partial file goes below.
        }
        File.Delete(_path + PartialSuffix);
    }

    private void Queue()
    {
        _chunks.Writer.TryWrite(new PendingChunk(_current, _filled));
        _anyQueued = true;
        _current = ArrayPool<byte>.Shared.Rent(_chunkSize);
        _filled = 0;
    }

    // A chunk is sealed only once the next one arrives (or the end), because the last chunk is sealed differently.
    private async Task WriteChunksAsync(FileStream file, ChunkCipher cipher)
    {
        var sealedBuffer = new byte[_chunkSize + ChunkCipher.TagLength];
        PendingChunk? held = null;
        long index = 0;
        await using (file)
        using (cipher)
        {
            await file.WriteAsync(Header.ToBytes());
            await foreach (var chunk in _chunks.Reader.ReadAllAsync())
            {
                if (held is { } previous) await SealAndWrite(previous, last: false);
                held = chunk;
            }
            if (held is { } tail && Volatile.Read(ref _state) == 1) await SealAndWrite(tail, last: true);
            else if (held is { } dropped) ArrayPool<byte>.Shared.Return(dropped.Buffer);
            await file.FlushAsync();
            file.Flush(flushToDisk: true);
        }

        async Task SealAndWrite(PendingChunk chunk, bool last)
        {
            var length = chunk.Length + ChunkCipher.TagLength;
            cipher.Seal(index++, last, chunk.Buffer.AsSpan(0, chunk.Length), sealedBuffer);
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
            await file.WriteAsync(sealedBuffer.AsMemory(0, length));
        }
    }

    private readonly record struct PendingChunk(byte[] Buffer, int Length);
}
