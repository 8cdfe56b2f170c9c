using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Campaigns;

internal sealed class CampaignQueue(StoreContext context) : ICampaignQueue
{
    private const string SelectClaimed = """
        SELECT q.campaign_id, q.contact_id, c.list_id, c.phone_enc, q.attempts, q.last_outcome, q.callbacks, q.callback_at
        FROM campaign_contacts q JOIN contacts c ON c.id = q.contact_id
        """;

    private Database Database => context.Database;

    public Task<int> EnqueueAsync(long campaignId, CancellationToken cancellation = default) =>
        // WHERE true: SQLite would otherwise read ON CONFLICT as the join's ON (its documented parsing ambiguity).
        Database.WriteAsync((c, t) => c.Exec("""
            INSERT INTO campaign_contacts (campaign_id, contact_id, phone_index, state, attempts, next_attempt_at, updated_at)
            SELECT @campaignId, c.id, c.phone_index, @pending, 0, @now, @now
            FROM contacts c JOIN campaign_lists l ON l.list_id = c.list_id AND l.campaign_id = @campaignId
            WHERE true ORDER BY c.id
            ON CONFLICT DO NOTHING
            """, new { campaignId, pending = QueueState.Pending, now = context.NowMs }, t, cancellation), cancellation);

    public Task<IReadOnlyList<QueuedContact>> ClaimDueAsync(long campaignId, DateTimeOffset now, int limit, string node,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (limit <= 0) return Task.FromResult<IReadOnlyList<QueuedContact>>([]);
        var at = UnixTime.ToMs(now);
        return Database.WriteAsync<IReadOnlyList<QueuedContact>>(async (c, t) =>
        {
            var claimed = await c.List<long>($"""
                UPDATE campaign_contacts SET state = @dialing, claimed_by = @node, updated_at = @at
                WHERE campaign_id = @campaignId AND contact_id IN (
                    SELECT contact_id FROM campaign_contacts
                    WHERE campaign_id = @campaignId AND state = @pending AND next_attempt_at <= @at
                    ORDER BY next_attempt_at, contact_id LIMIT @limit{Database.Dialect.SkipLocked})
                RETURNING contact_id
                """, new { campaignId, node, at, limit, dialing = QueueState.Dialing, pending = QueueState.Pending }, t, cancellation);
            if (claimed.Count == 0) return [];
            var rows = await c.List<Row>(SelectClaimed + $" WHERE q.campaign_id = @campaignId AND {Database.Dialect.InList("q.contact_id", nameof(claimed))}",
                new { campaignId, claimed }, t, cancellation);
            return [.. rows.OrderBy(r => claimed.IndexOf(r.ContactId)).Select(Decrypt)];
        }, cancellation);
    }

    public Task<bool> ReleaseAsync(long campaignId, long contactId, QueueRelease release, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        return Database.WriteAsync((c, t) => ReleaseAsync(c, t, campaignId, contactId, release, cancellation), cancellation);
    }

    public Task<bool> SettleAsync(long campaignId, long contactId, AttemptSettlement settlement, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        return Database.WriteAsync(async (c, t) =>
        {
            if (settlement.End is { } end)
            {
                var settled = settlement.AttemptId is { } attemptId
                    ? await CallAttemptRepository.FinishAsync(c, t, attemptId, end, context, cancellation)
                    : await CallAttemptRepository.InsertCompletedAsync(c, t, campaignId, contactId, settlement.Node, end, context, cancellation);
                if (!settled) return false;
            }
            return await ReleaseAsync(c, t, campaignId, contactId, settlement.Release, cancellation);
        }, cancellation);
    }

    private async Task<bool> ReleaseAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long campaignId,
        long contactId, QueueRelease release, CancellationToken cancellation) =>
        await connection.Exec("""
            UPDATE campaign_contacts
            SET state = @State, attempts = attempts + @counted, next_attempt_at = @next, last_outcome = coalesce(@Outcome, last_outcome),
                callback_at = CASE WHEN @keepCallback THEN callback_at ELSE @callbackAt END, callbacks = callbacks + @promised,
                claimed_by = NULL, updated_at = @now
            WHERE campaign_id = @campaignId AND contact_id = @contactId AND state = @dialing
            """, new { campaignId, contactId, release.State, counted = release.CountsAsAttempt ? 1 : 0, next = UnixTime.ToMs(release.NextAttemptAt),
            release.Outcome, callbackAt = release.CallbackAt is { } promised ? UnixTime.ToMs(promised) : (long?)null,
            keepCallback = release.CallbackAt is null && !release.CountsAsAttempt, promised = release.CallbackAt is null ? 0 : 1, now = context.NowMs,
            dialing = QueueState.Dialing }, transaction, cancellation) > 0;

    public Task<IReadOnlyList<ScheduledCallback>> CallbacksAsync(long campaignId, CancellationToken cancellation = default) =>
        Database.ReadAsync<IReadOnlyList<ScheduledCallback>>(async c =>
            [.. (await c.List<Row>(SelectClaimed + " WHERE q.campaign_id = @campaignId AND q.state = @pending AND q.callback_at IS NOT NULL ORDER BY q.callback_at, q.contact_id",
                new { campaignId, pending = QueueState.Pending }, null, cancellation)).Select(Decrypt).Select(q =>
                new ScheduledCallback(q.ContactId, q.Phone, q.CallbackAt!.Value, q.Attempts, q.Callbacks, q.LastOutcome))], cancellation);

    public Task<IReadOnlyList<QueuedContact>> ClaimedAsync(string node, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Database.ReadAsync<IReadOnlyList<QueuedContact>>(async c =>
            [.. (await c.List<Row>(SelectClaimed + " WHERE q.state = @dialing AND q.claimed_by = @node ORDER BY q.campaign_id, q.contact_id",
                new { node, dialing = QueueState.Dialing }, null, cancellation)).Select(Decrypt)], cancellation);
    }

    public Task<QueueCounts> CountsAsync(long campaignId, DateTimeOffset now, CancellationToken cancellation = default) =>
        Database.ReadAsync(async c =>
        {
            var states = await c.List<StateCount>("""
                SELECT state, count(*) AS count, sum(CASE WHEN next_attempt_at <= @at THEN 1 ELSE 0 END) AS due
                FROM campaign_contacts WHERE campaign_id = @campaignId GROUP BY state
                """, new { campaignId, at = UnixTime.ToMs(now) }, null, cancellation);
            var outcomes = await c.List<OutcomeCount>("""
                SELECT last_outcome AS outcome, count(*) AS count FROM campaign_contacts
                WHERE campaign_id = @campaignId AND last_outcome IS NOT NULL GROUP BY last_outcome
                """, new { campaignId }, null, cancellation);
            long Count(string state) => states.Find(s => s.State == state)?.Count ?? 0;
            return new QueueCounts(Count(QueueState.Pending), states.Find(s => s.State == QueueState.Pending)?.Due ?? 0, Count(QueueState.Dialing),
                Count(QueueState.Done), outcomes.ToDictionary(o => o.Outcome, o => o.Count, StringComparer.Ordinal));
        }, cancellation);

    public Task<DateTimeOffset?> NextDueAsync(long campaignId, CancellationToken cancellation = default) =>
        Database.ReadAsync(async c => UnixTime.FromMs(await c.Scalar<long?>(
            "SELECT min(next_attempt_at) FROM campaign_contacts WHERE campaign_id = @campaignId AND state = @pending",
            new { campaignId, pending = QueueState.Pending }, null, cancellation)), cancellation);

    private QueuedContact Decrypt(Row row) =>
        new(row.CampaignId, row.ContactId, row.ListId, context.Cipher.Unprotect(row.PhoneEnc, EncryptedColumns.ContactPhone), row.Attempts,
            row.LastOutcome)
        {
            Callbacks = row.Callbacks,
            CallbackAt = UnixTime.FromMs(row.CallbackAt),
        };

    private sealed class Row
    {
        public long CampaignId { get; set; }

        public long ContactId { get; set; }

        public long ListId { get; set; }

        public byte[] PhoneEnc { get; set; } = [];

        public int Attempts { get; set; }

        public string? LastOutcome { get; set; }

        public int Callbacks { get; set; }

        public long? CallbackAt { get; set; }
    }

    private sealed class StateCount
    {
        public string State { get; set; } = "";

        public long Count { get; set; }

        public long Due { get; set; }
    }

    private sealed class OutcomeCount
    {
        public string Outcome { get; set; } = "";

        public long Count { get; set; }
    }
}
