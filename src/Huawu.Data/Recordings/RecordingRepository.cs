using System.Security.Cryptography;
using Huawu.Data.Storage;

namespace Huawu.Data.Recordings;

internal sealed class RecordingRepository(StoreContext context, RecordingStore files) : IRecordingRepository
{
    private const string SelectRecordings = """
        SELECT id, call_id, file_id, relative_path, codec, sample_rate, channels, started_at, completed_at, size_bytes FROM recordings
        """;

    private Database Database => context.Database;

    public RecordingStore Files { get; } = files;

    public async Task<DataResult<IRecordingWriter>> StartAsync(long callId, RecordingFormat format, CancellationToken cancellation = default)
    {
        var fileId = RandomNumberGenerator.GetBytes(RecordingFileHeader.FileIdLength);
        var fileName = Convert.ToHexStringLower(fileId);
        var now = context.Time.GetUtcNow();
        var relativePath = RecordingStore.RelativePathFor(fileName, now);
        var id = await Database.WriteAsync(async (c, t) =>
        {
            if (await c.Scalar<long>("SELECT count(*) FROM calls WHERE id = @callId", new { callId }, t, cancellation) == 0) return (long?)null;
            return await c.Scalar<long>("""
                INSERT INTO recordings (call_id, file_id, relative_path, codec, sample_rate, channels, started_at)
                VALUES (@callId, @fileName, @relativePath, @codec, @SampleRate, @Channels, @now) RETURNING id
                """, new { callId, fileName, relativePath, codec = format.Codec.ToString().ToLowerInvariant(), format.SampleRate, format.Channels,
                now = UnixTime.ToMs(now) }, t, cancellation);
        }, cancellation);
        if (id is not { } recordingId) return DataResult.Fail<IRecordingWriter>(DataProblem.NotFound, $"call {callId}");
        var writer = new RecordingFileWriter(Files.FullPath(relativePath), context.Cipher.Keys.Active, format, fileId: fileId);
        var started = new RecordingInfo(recordingId, callId, fileName, format, now, null, null);
        return DataResult.Ok<IRecordingWriter>(new RecordingSession(this, started, writer));
    }

    internal async Task<RecordingInfo> MarkCompleteAsync(RecordingInfo started, long audioBytes, CancellationToken cancellation)
    {
        var now = context.NowMs;
        await Database.WriteAsync((c, t) => c.Exec("UPDATE recordings SET completed_at = @now, size_bytes = @audioBytes WHERE id = @Id",
            new { now, audioBytes, started.Id }, t, cancellation), cancellation);
        return started with { CompletedAt = UnixTime.FromMs(now), AudioBytes = audioBytes };
    }

    public async Task<RecordingInfo?> GetAsync(long id, CancellationToken cancellation = default) =>
        (await Database.ReadAsync(c => c.FirstOrDefault<Row>(SelectRecordings + " WHERE id = @id", new { id }, null, cancellation), cancellation))?.ToInfo();

    public async Task<IReadOnlyList<RecordingInfo>> ForCallAsync(long callId, CancellationToken cancellation = default) =>
        [.. (await Database.ReadAsync(c => c.List<Row>(SelectRecordings + " WHERE call_id = @callId ORDER BY id", new { callId }, null, cancellation),
            cancellation)).Select(r => r.ToInfo())];

    public async Task<RecordingOpenResult> OpenAsync(long id, CancellationToken cancellation = default)
    {
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(SelectRecordings + " WHERE id = @id", new { id }, null, cancellation), cancellation);
        if (row is null) return RecordingOpenResult.Failed($"recording {id}: not found");
        if (row.CompletedAt is null) return RecordingOpenResult.Failed($"recording {id}: still recording (or interrupted)");
        return RecordingReadStream.Open(Files.FullPath(row.RelativePath), context.Cipher.Keys);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellation = default)
    {
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(SelectRecordings + " WHERE id = @id", new { id }, null, cancellation), cancellation);
        if (row is null) return false;
        // The file goes first: a failure here leaves the row (retried later), never an orphaned file of personal data.
        Files.DeleteFiles(row.RelativePath);
        return await Database.WriteAsync(async (c, t) => await c.Exec("DELETE FROM recordings WHERE id = @id", new { id }, t, cancellation) > 0,
            cancellation);
    }

    /// <summary>
    /// Deletes every recording matching <paramref name="where"/> (a fixed SQL condition, never user text): files
    /// first, then rows, in batches. Returns how many recordings went.
    /// </summary>
    internal async Task<int> DeleteWhereAsync(string where, object parameters, CancellationToken cancellation)
    {
        var deleted = 0;
        while (true)
        {
            var batch = await Database.ReadAsync(c => c.List<Row>(SelectRecordings + " WHERE " + where + " ORDER BY id LIMIT 500", parameters, null, cancellation),
                cancellation);
            if (batch.Count == 0) return deleted;
            foreach (var row in batch) Files.DeleteFiles(row.RelativePath);
            deleted += await Database.WriteAsync((c, t) => c.Exec("DELETE FROM recordings WHERE id = @Id", batch.Select(r => new { r.Id }), t, cancellation),
                cancellation);
        }
    }

    internal sealed class Row
    {
        public long Id { get; set; }

        public long CallId { get; set; }

        public string FileId { get; set; } = "";

        public string RelativePath { get; set; } = "";

        public string Codec { get; set; } = "";

        public int SampleRate { get; set; }

        public int Channels { get; set; }

        public long StartedAt { get; set; }

        public long? CompletedAt { get; set; }

        public long? SizeBytes { get; set; }

        public RecordingInfo ToInfo() => new(Id, CallId, FileId, new RecordingFormat(Enum.Parse<AudioCodec>(Codec, ignoreCase: true), SampleRate, Channels),
            UnixTime.FromMs(StartedAt), UnixTime.FromMs(CompletedAt), SizeBytes);
    }
}
