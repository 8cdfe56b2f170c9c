using Huawu.Data.Storage;

namespace Huawu.Data.Audit;

internal sealed class AuditLog(StoreContext context) : IAuditLog, IDisposable
{
    private const int VerifyPage = 1_000;

    private const string SelectEntries = """
        SELECT seq, occurred_at, actor, action, outcome, target_type, target_id, detail, previous_hash, hash FROM audit_log
        """;

    // Appends from this process queue here rather than spinning on the database's write lock.
    private readonly SemaphoreSlim _appendGate = new(1, 1);

    private Database Database => context.Database;

    public void Dispose() => _appendGate.Dispose();

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Actor);
        await _appendGate.WaitAsync(cancellation);
        try
        {
            return await Database.WriteAsync(async (c, t) =>
            {
                // Under the chain lock: the last entry cannot change until this transaction ends.
                var last = await c.FirstOrDefault<Row>(SelectEntries + " ORDER BY seq DESC LIMIT 1", null, t, cancellation);
                var sequence = (last?.Seq ?? 0) + 1;
                var previous = last?.Hash ?? AuditChain.Genesis;
                var occurredAt = context.NowMs;
                var action = AuditActions.NameOf(auditEvent.Action);
                var outcome = AuditActions.NameOf(auditEvent.Outcome);
                var hash = AuditChain.Hash(context.Cipher.Keys.AuditKey, sequence, occurredAt, auditEvent.Actor, action, outcome,
                    auditEvent.TargetType, auditEvent.TargetId, auditEvent.Detail, previous);
                await c.Exec("""
                    INSERT INTO audit_log (seq, occurred_at, actor, action, outcome, target_type, target_id, detail, previous_hash, hash)
                    VALUES (@sequence, @occurredAt, @Actor, @action, @outcome, @TargetType, @TargetId, @Detail, @previous, @hash)
                    """, new { sequence, occurredAt, auditEvent.Actor, action, outcome, auditEvent.TargetType, auditEvent.TargetId, auditEvent.Detail, previous, hash },
                    t, cancellation);
                return new AuditEntry(sequence, UnixTime.FromMs(occurredAt), auditEvent.Actor, action, outcome, auditEvent.TargetType,
                    auditEvent.TargetId, auditEvent.Detail, previous, hash);
            }, cancellation, WriterLock.AuditChain);
        }
        finally
        {
            _appendGate.Release();
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var rows = await Database.ReadAsync(c => c.List<Row>(SelectEntries + " WHERE seq > @afterSequence ORDER BY seq LIMIT @limit",
            new { afterSequence, limit }, null, cancellation), cancellation);
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellation = default)
    {
        long checkedCount = 0, expected = 1;
        var previous = AuditChain.Genesis;
        while (true)
        {
            var page = await ReadAsync(expected - 1, VerifyPage, cancellation);
            if (page.Count == 0) return new AuditVerification(checkedCount, null, null);
            foreach (var entry in page)
            {
                if (entry.Sequence != expected)
                    return new AuditVerification(checkedCount, expected, $"entry {expected} is missing (the next entry is {entry.Sequence}): entries were deleted or renumbered");
                if (!entry.PreviousHash.AsSpan().SequenceEqual(previous))
                    return new AuditVerification(checkedCount, expected, $"entry {expected} does not follow entry {expected - 1}: entries were removed, reordered or replaced");
                var recomputed = AuditChain.Hash(context.Cipher.Keys.AuditKey, entry.Sequence, UnixTime.ToMs(entry.OccurredAt), entry.Actor,
                    entry.Action, entry.Outcome, entry.TargetType, entry.TargetId, entry.Detail, entry.PreviousHash);
                if (!recomputed.AsSpan().SequenceEqual(entry.Hash))
                    return new AuditVerification(checkedCount, expected, $"entry {expected} was altered: its content does not match its hash");
                previous = entry.Hash;
                expected++;
                checkedCount++;
            }
        }
    }

    private sealed class Row
    {
        public long Seq { get; set; }

        public long OccurredAt { get; set; }

        public string Actor { get; set; } = "";

        public string Action { get; set; } = "";

        public string Outcome { get; set; } = "";

        public string? TargetType { get; set; }

        public string? TargetId { get; set; }

        public string? Detail { get; set; }

        public byte[] PreviousHash { get; set; } = [];

        public byte[] Hash { get; set; } = [];

        public AuditEntry ToEntry() => new(Seq, UnixTime.FromMs(OccurredAt), Actor, Action, Outcome, TargetType, TargetId, Detail, PreviousHash, Hash);
    }
}
