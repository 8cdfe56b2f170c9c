using Huawu.Data.Storage;

namespace Huawu.Data.Recordings;

/// <summary>A recording in progress: the file writer plus the row it completes.</summary>
internal sealed class RecordingSession(RecordingRepository repository, RecordingInfo started, RecordingFileWriter file) : IRecordingWriter
{
    private int _completed;

    public long RecordingId => started.Id;

    public RecordingFormat Format => started.Format;

    public long Length => file.Length;

    public void Write(ReadOnlySpan<byte> audio) => file.Write(audio);

    public async Task<RecordingInfo> CompleteAsync(CancellationToken cancellation = default)
    {
        await file.CompleteAsync();
        Interlocked.Exchange(ref _completed, 1);
        return await repository.MarkCompleteAsync(started, file.Length, cancellation);
    }

    /// <summary>Discards an unfinished recording: its partial file and its row.</summary>
    public async ValueTask DisposeAsync()
    {
        await file.DisposeAsync();
        if (Volatile.Read(ref _completed) == 0) await repository.DeleteAsync(started.Id);
    }
}
