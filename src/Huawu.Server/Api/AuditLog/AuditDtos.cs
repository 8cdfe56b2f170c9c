using Huawu.Data.Audit;

namespace Huawu.Server.Api.AuditLog;

/// <summary>One audit entry; <see cref="Hash"/> (hex) lets an auditor anchor the chain's head outside Huawu.</summary>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action, string Outcome, string? TargetType,
    string? TargetId, string? Detail, string Hash)
{
    internal static AuditEntryResponse From(AuditEntry e) =>
        new(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.Outcome, e.TargetType, e.TargetId, e.Detail, Convert.ToHexStringLower(e.Hash));
}

public sealed record AuditVerificationResponse(bool Intact, long EntriesChecked, long? FirstBadSequence, string? Problem);
