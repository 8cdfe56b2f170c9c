namespace Huawu.Data.Audit;

/// <summary>
/// Something to record. <see cref="Actor"/> names who did it (<c>user:admin</c>, <c>cli</c>, <c>system:retention</c>);
/// the target names what, by type and id. <see cref="Detail"/> is free text and must not carry personal data
/// (use ids and masked values): the audit log is kept forever and is never encrypted.
/// </summary>
public sealed record AuditEvent(
    string Actor,
    AuditAction Action,
    AuditOutcome Outcome = AuditOutcome.Success,
    string? TargetType = null,
    string? TargetId = null,
    string? Detail = null);

/// <summary>
/// One stored entry. <see cref="Hash"/> is an HMAC-SHA-256, under the audit key, of the previous entry's hash
/// and this entry's canonical content, so no entry can be changed, removed or moved without the chain breaking.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string Action,
    string Outcome,
    string? TargetType,
    string? TargetId,
    string? Detail,
    byte[] PreviousHash,
    byte[] Hash);

/// <summary>The result of checking the whole chain: intact, or the first entry where it breaks and why.</summary>
public sealed record AuditVerification(long EntriesChecked, long? FirstBadSequence, string? Problem)
{
    public bool IsIntact => FirstBadSequence is null;
}
