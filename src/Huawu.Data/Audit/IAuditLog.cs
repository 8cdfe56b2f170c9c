namespace Huawu.Data.Audit;

/// <summary>
/// The append-only, hash-chained audit log: logins, changes, exports, playback, denials, failures. Appends
/// are serialized (one writer at a time, across nodes on PostgreSQL), so the chain never forks.
/// </summary>
public interface IAuditLog
{
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellation = default);

    /// <summary>Entries after a sequence number, oldest first (keyset paging: 0 for the start).</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellation = default);

    /// <summary>Walks the whole chain and reports the first entry that was edited, removed or moved.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellation = default);
}
