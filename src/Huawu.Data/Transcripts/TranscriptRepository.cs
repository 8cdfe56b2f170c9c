using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Transcripts;

internal sealed class TranscriptRepository(StoreContext context) : ITranscriptRepository
{
    private Database Database => context.Database;

    public Task<DataResult<TranscriptSegment>> AppendAsync(long callId, NewTranscriptSegment segment, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentException.ThrowIfNullOrWhiteSpace(segment.Speaker);
        var text = context.Cipher.Protect(segment.Text, EncryptedColumns.TranscriptText);
        var now = context.NowMs;
        return Database.WriteAsync(async (c, t) =>
        {
            if (await c.Scalar<long>("SELECT count(*) FROM calls WHERE id = @callId", new { callId }, t, cancellation) == 0)
                return DataResult.Fail<TranscriptSegment>(DataProblem.NotFound, $"call {callId}");
            var sequence = 1 + await c.Scalar<int>("SELECT coalesce(max(sequence), 0) FROM transcript_segments WHERE call_id = @callId",
                new { callId }, t, cancellation);
            var id = await c.Scalar<long>("""
                INSERT INTO transcript_segments (call_id, sequence, speaker, start_ms, end_ms, text_enc, intent, confidence, created_at)
                VALUES (@callId, @sequence, @Speaker, @startMs, @endMs, @text, @Intent, @Confidence, @now) RETURNING id
                """, new { callId, sequence, segment.Speaker, startMs = (long)segment.Start.TotalMilliseconds, endMs = (long)segment.End.TotalMilliseconds,
                text, segment.Intent, segment.Confidence, now }, t, cancellation);
            return DataResult.Ok(new TranscriptSegment(id, callId, sequence, segment.Speaker, segment.Start, segment.End, segment.Text,
                segment.Intent, segment.Confidence));
        }, cancellation);
    }

    public async Task<IReadOnlyList<TranscriptSegment>> ForCallAsync(long callId, CancellationToken cancellation = default)
    {
        var rows = await Database.ReadAsync(c => c.List<Row>("""
            SELECT id, call_id, sequence, speaker, start_ms, end_ms, text_enc, intent, confidence FROM transcript_segments
            WHERE call_id = @callId ORDER BY sequence
            """, new { callId }, null, cancellation), cancellation);
        return [.. rows.Select(r => new TranscriptSegment(r.Id, r.CallId, r.Sequence, r.Speaker, TimeSpan.FromMilliseconds(r.StartMs),
            TimeSpan.FromMilliseconds(r.EndMs), context.Cipher.Unprotect(r.TextEnc, EncryptedColumns.TranscriptText), r.Intent, r.Confidence))];
    }

    public Task<int> DeleteForCallAsync(long callId, CancellationToken cancellation = default) =>
        Database.WriteAsync((c, t) => c.Exec("DELETE FROM transcript_segments WHERE call_id = @callId", new { callId }, t, cancellation), cancellation);

    private sealed class Row
    {
        public long Id { get; set; }

        public long CallId { get; set; }

        public int Sequence { get; set; }

        public string Speaker { get; set; } = "";

        public long StartMs { get; set; }

        public long EndMs { get; set; }

        public byte[] TextEnc { get; set; } = [];

        public string? Intent { get; set; }

        public double? Confidence { get; set; }
    }
}
