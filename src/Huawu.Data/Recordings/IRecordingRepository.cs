namespace Huawu.Data.Recordings;

/// <summary>
/// Call recordings: files under the data directory's <c>recordings</c> folder, encrypted in chunks, with their
/// metadata in the database. Playing one back is something to audit; the caller does so.
/// </summary>
public interface IRecordingRepository
{
    /// <summary>Starts recording a call (the row is written first, so a crash leaves a known partial recording).</summary>
    Task<DataResult<IRecordingWriter>> StartAsync(long callId, RecordingFormat format, CancellationToken cancellation = default);

    Task<RecordingInfo?> GetAsync(long id, CancellationToken cancellation = default);

    Task<IReadOnlyList<RecordingInfo>> ForCallAsync(long callId, CancellationToken cancellation = default);

    /// <summary>Opens a completed recording as a seekable stream of decrypted audio.</summary>
    Task<RecordingOpenResult> OpenAsync(long id, CancellationToken cancellation = default);

    /// <summary>Deletes the file (complete or partial), then its row.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellation = default);
}
