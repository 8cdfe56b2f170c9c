using Huawu.Data.Audit;
using Huawu.Data.Storage;

namespace Huawu.Data.Retention;

/// <summary>
/// One retention pass: for each class with a policy, removes what is older than its cutoff — files before rows,
/// in bounded batches so no transaction holds the write lock for long. Calls go with their legs, events,
/// variables and transcripts (cascade); their recordings are removed first, as the schema requires.
/// </summary>
internal sealed class RetentionPurge(DataStore store)
{
    public const string Actor = "system:retention";
    private const int Batch = 1_000;

    public async Task<PurgeReport> RunAsync(CancellationToken cancellation)
    {
        var now = store.Context.Time.GetUtcNow();
        var policies = (await store.RetentionPolicies.ListAsync(cancellation)).ToDictionary(p => p.DataClass);
        long? Cutoff(RetentionClass dataClass) =>
            policies.TryGetValue(dataClass, out var policy) ? UnixTime.ToMs(now - TimeSpan.FromDays(policy.RetainDays)) : null;

        int recordings = 0, segments = 0, calls = 0, contacts = 0;
        if (Cutoff(RetentionClass.Recordings) is { } recordingCutoff)
            recordings += await store.RecordingRepository.DeleteWhereAsync("started_at < @cutoff", new { cutoff = recordingCutoff }, cancellation);
        if (Cutoff(RetentionClass.Transcripts) is { } transcriptCutoff)
            segments += await DeleteInBatches("transcript_segments", "created_at < @cutoff", transcriptCutoff, cancellation);
        if (Cutoff(RetentionClass.CallRecords) is { } callCutoff)
        {
            recordings += await store.RecordingRepository.DeleteWhereAsync(
                "call_id IN (SELECT id FROM calls WHERE started_at < @cutoff)", new { cutoff = callCutoff }, cancellation);
            // A recording started on an old call after the line above stays, and so does its call, until the next pass.
            calls += await DeleteInBatches("calls",
                "started_at < @cutoff AND NOT EXISTS (SELECT 1 FROM recordings r WHERE r.call_id = calls.id)", callCutoff, cancellation);
        }
        if (Cutoff(RetentionClass.Contacts) is { } contactCutoff)
            contacts += await DeleteInBatches("contacts", "updated_at < @cutoff", contactCutoff, cancellation);

        var report = new PurgeReport(now, recordings, segments, calls, contacts);
        if (!report.IsEmpty) await store.Audit.AppendAsync(new AuditEvent(Actor, AuditAction.RetentionPurged, Detail: report.ToString()), cancellation);
        return report;
    }

    // Table and condition are constants of this class; only the cutoff is a parameter.
    private async Task<int> DeleteInBatches(string table, string condition, long cutoff, CancellationToken cancellation)
    {
        var total = 0;
        while (true)
        {
            var deleted = await store.Database.WriteAsync((c, t) => c.Exec(
                $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {condition} ORDER BY id LIMIT {Batch})",
                new { cutoff }, t, cancellation), cancellation);
            total += deleted;
            if (deleted < Batch) return total;
        }
    }
}
