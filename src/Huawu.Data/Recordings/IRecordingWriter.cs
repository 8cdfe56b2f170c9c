namespace Huawu.Data.Recordings;

/// <summary>
/// A recording in progress. <see cref="Write"/> never blocks on disk and allocates nothing per frame, so the
/// call's media thread may call it every 20 ms; call it from one thread at a time. Disposing without
/// <see cref="CompleteAsync"/> discards the recording.
/// </summary>
public interface IRecordingWriter : IAsyncDisposable
{
    long RecordingId { get; }

    RecordingFormat Format { get; }

    /// <summary>Audio bytes accepted so far.</summary>
    long Length { get; }

    void Write(ReadOnlySpan<byte> audio);

    /// <summary>Writes the rest, seals the file, syncs it to disk and marks the recording complete.</summary>
    Task<RecordingInfo> CompleteAsync(CancellationToken cancellation = default);
}
