using Huawu.Data.Audit;
using Huawu.Data.Compliance;
using Huawu.Data.Storage;

namespace Huawu.Data.Erasure;

/// <summary>
/// Erases everything Huawu holds about one person, found by the blind index of their phone number (PIPL Art. 47,
/// GDPR Art. 17): contacts, recordings and transcripts of their calls, the variables collected on them and
/// consent records are deleted; calls, legs and attempts lose the number but stay for statistics. What remains
/// is a do-not-call entry (the blind index only, so they are not called again) and the audit entry of the
/// erasure, which names no number. Recording files are deleted before any row, so no file is left behind.
/// </summary>
public sealed class PersonalDataEraser(DataStore store)
{
    public const string DoNotCallReason = "personal data erased on request";

    public async Task<DataResult<ErasureReport>> EraseByPhoneAsync(string phone, string actor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (store.Context.PhoneIndexOf(phone) is not { } index) return DataResult.Fail<ErasureReport>(DataProblem.Invalid, "phone: not a phone number");
        const string TheirCalls = "SELECT id FROM calls WHERE customer_phone_index = @index";

        var recordings = await store.RecordingRepository.DeleteWhereAsync($"call_id IN ({TheirCalls})", new { index }, cancellation);
        var counts = await store.Database.WriteAsync(async (c, t) =>
        {
            var p = new { index };
            var segments = await c.Exec($"DELETE FROM transcript_segments WHERE call_id IN ({TheirCalls})", p, t, cancellation);
            var variables = await c.Exec($"DELETE FROM call_variables WHERE call_id IN ({TheirCalls})", p, t, cancellation);
            // A callback promised to them is withdrawn with their number (they go on the do-not-call list below).
            await c.Exec($"DELETE FROM callback_requests WHERE call_id IN ({TheirCalls})", p, t, cancellation);
            // Every leg of their calls (the other parties' legs name them only by role), and their legs on other calls.
            var legs = await c.Exec($"""
                UPDATE call_legs SET party_enc = NULL, party_index = NULL
                WHERE (call_id IN ({TheirCalls}) OR party_index = @index) AND (party_enc IS NOT NULL OR party_index IS NOT NULL)
                """, p, t, cancellation);
            var calls = await c.Exec("UPDATE calls SET customer_phone_enc = NULL, customer_phone_index = NULL WHERE customer_phone_index = @index",
                p, t, cancellation);
            var contacts = await c.Exec("DELETE FROM contacts WHERE phone_index = @index", p, t, cancellation);
            var attempts = await c.Exec("UPDATE call_attempts SET phone_index = NULL WHERE phone_index = @index", p, t, cancellation);
            var consents = await c.Exec("DELETE FROM consents WHERE phone_index = @index", p, t, cancellation);
            var listed = await DoNotCallList.AddAsync(c, t, index, DoNotCallReason, actor, store.Context.NowMs, cancellation);
            return (segments, variables, legs, calls, contacts, attempts, consents, listed);
        }, cancellation);

        var report = new ErasureReport(counts.contacts, counts.calls, counts.legs, recordings, counts.segments, counts.variables,
            counts.attempts, counts.consents, counts.listed, 0);
        var entry = await store.Audit.AppendAsync(new AuditEvent(actor, AuditAction.Erased, TargetType: "person",
            Detail: string.Join(", ", report.Lines().Select(l => $"{l.What}: {l.Count}"))), cancellation);
        return DataResult.Ok(report with { AuditSequence = entry.Sequence });
    }
}
