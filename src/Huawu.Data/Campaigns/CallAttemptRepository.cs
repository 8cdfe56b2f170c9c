using System.Data.Common;
using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Campaigns;

internal sealed class CallAttemptRepository(StoreContext context) : ICallAttemptRepository
{
    private const string SelectAttempts = """
        SELECT id, campaign_id, contact_id, attempt_number, status, outcome, disposition_code, call_id, created_at, ended_at,
               call_uuid, node, sip_status, detail, callback_at
        FROM call_attempts
        """;

    private Database Database => context.Database;

    public Task<DataResult<CallAttempt>> BeginAsync(long campaignId, long contactId, CancellationToken cancellation = default)
    {
        var now = context.NowMs;
        return Database.WriteAsync(async (c, t) =>
        {
            if (await c.Scalar<long>("SELECT count(*) FROM campaigns WHERE id = @campaignId", new { campaignId }, t, cancellation) == 0)
                return DataResult.Fail<CallAttempt>(DataProblem.NotFound, $"campaign {campaignId}");
            // The attempt carries the contact's blind index so caps still count it if the contact is later re-imported.
            var phoneIndex = await c.FirstOrDefault<byte[]>("SELECT phone_index FROM contacts WHERE id = @contactId", new { contactId }, t, cancellation);
            if (phoneIndex is null) return DataResult.Fail<CallAttempt>(DataProblem.NotFound, $"contact {contactId}");
            return DataResult.Ok(await InsertAsync(c, t, new NewAttempt(campaignId, contactId, phoneIndex, null, null, now), cancellation));
        }, cancellation);
    }

    /// <summary>Writes a dialing attempt inside another unit of work (the gate's slot reservation), numbered after the contact's earlier ones.</summary>
    internal static async Task<CallAttempt> InsertAsync(DbConnection connection, DbTransaction transaction, NewAttempt attempt,
        CancellationToken cancellation)
    {
        var number = 1 + await connection.Scalar<int>(
            "SELECT count(*) FROM call_attempts WHERE campaign_id = @CampaignId AND contact_id = @ContactId", attempt, transaction, cancellation);
        var id = await connection.Scalar<long>("""
            INSERT INTO call_attempts (campaign_id, contact_id, phone_index, attempt_number, status, created_at, call_uuid, node)
            VALUES (@CampaignId, @ContactId, @PhoneIndex, @number, @status, @Now, @CallUuid, @Node) RETURNING id
            """, new { attempt.CampaignId, attempt.ContactId, attempt.PhoneIndex, number, status = CallAttempt.Dialing, attempt.Now,
            attempt.CallUuid, attempt.Node }, transaction, cancellation);
        return new CallAttempt(id, attempt.CampaignId, attempt.ContactId, number, CallAttempt.Dialing, null, null, null, UnixTime.FromMs(attempt.Now), null)
        {
            CallUuid = attempt.CallUuid,
            Node = attempt.Node,
        };
    }

    public Task<bool> CompleteAsync(long attemptId, string outcome, string? dispositionCode, long? callId, CancellationToken cancellation = default) =>
        FinishAsync(attemptId, new AttemptEnd(outcome, dispositionCode, callId), cancellation);

    public Task<bool> FinishAsync(long attemptId, AttemptEnd end, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentException.ThrowIfNullOrWhiteSpace(end.Outcome);
        return Database.WriteAsync((c, t) => FinishAsync(c, t, attemptId, end, context, cancellation), cancellation);
    }

    /// <summary>
    /// Completes an attempt still dialing inside another unit of work (the queue's settlement). A callback promised is written on the
    /// call's record too, in the same transaction: its disposition becomes <c>callback</c> and its variable <c>callback_at</c> the time.
    /// </summary>
    internal static async Task<bool> FinishAsync(DbConnection connection, DbTransaction transaction, long attemptId, AttemptEnd end, StoreContext context,
        CancellationToken cancellation)
    {
        var now = context.NowMs;
        var callbackAt = end.CallbackAt is { } promised ? UnixTime.ToMs(promised) : (long?)null;
        var finished = await connection.Exec("""
            UPDATE call_attempts SET status = @status, outcome = @Outcome, disposition_code = @DispositionCode, call_id = @CallId,
                                     sip_status = @SipStatus, detail = @Detail, ended_at = @now, callback_at = @callbackAt
            WHERE id = @attemptId AND status = @dialing
            """, new { attemptId, status = CallAttempt.Completed, dialing = CallAttempt.Dialing, end.Outcome, end.DispositionCode, end.CallId,
            end.SipStatus, end.Detail, now, callbackAt }, transaction, cancellation) > 0;
        if (finished && end.CallbackAt is { } at)
        {
            var callId = await connection.Scalar<long?>(
                "SELECT c.id FROM calls c JOIN call_attempts a ON a.call_uuid = c.call_uuid WHERE a.id = @attemptId", new { attemptId }, transaction, cancellation);
            if (callId is not null)
            {
                var encrypted = context.Cipher.Protect(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                    EncryptedColumns.CallVariableValue);
                await connection.Exec("UPDATE calls SET disposition_code = @callback WHERE id = @callId",
                    new { callId, callback = CallbackDisposition }, transaction, cancellation);
                await connection.Exec("""
                    INSERT INTO call_variables (call_id, name, value_enc, updated_at) VALUES (@callId, @name, @encrypted, @now)
                    ON CONFLICT (call_id, name) DO UPDATE SET value_enc = excluded.value_enc, updated_at = excluded.updated_at
                    """, new { callId, name = CallbackVariable, encrypted, now }, transaction, cancellation);
            }
        }
        return finished;
    }

    /// <summary>The call variable holding the callback promised (UTC, ISO 8601).</summary>
    internal const string CallbackVariable = "callback_at";

    /// <summary>The disposition (<c>dispositions</c> table) of a call that ended with a callback promised.</summary>
    internal const string CallbackDisposition = "callback";

    /// <summary>Writes an attempt that ended before anything was dialled (the gate blocked the number), completed at once.</summary>
    internal static async Task<bool> InsertCompletedAsync(DbConnection connection, DbTransaction transaction, long campaignId, long contactId,
        string? node, AttemptEnd end, StoreContext context, CancellationToken cancellation)
    {
        var now = context.NowMs;
        var phoneIndex = await connection.FirstOrDefault<byte[]>("SELECT phone_index FROM contacts WHERE id = @contactId", new { contactId }, transaction, cancellation);
        if (phoneIndex is null) return false;
        var attempt = await InsertAsync(connection, transaction, new NewAttempt(campaignId, contactId, phoneIndex, null, node, now), cancellation);
        return await FinishAsync(connection, transaction, attempt.Id, end, context, cancellation);
    }

    public async Task<int> CountSinceAsync(string phone, DateTimeOffset since, CancellationToken cancellation = default)
    {
        if (context.PhoneIndexOf(phone) is not { } index) return 0;
        return await Database.ReadAsync(c => c.Scalar<int>(
            "SELECT count(*) FROM call_attempts WHERE phone_index = @index AND created_at >= @since",
            new { index, since = UnixTime.ToMs(since) }, null, cancellation), cancellation);
    }

    public async Task<CallAttempt?> GetAsync(long id, CancellationToken cancellation = default) =>
        await Query(SelectAttempts + " WHERE id = @id", new { id }, cancellation) is [var first, ..] ? first : null;

    public Task<IReadOnlyList<CallAttempt>> ForContactAsync(long contactId, CancellationToken cancellation = default) =>
        Query(SelectAttempts + " WHERE contact_id = @contactId ORDER BY id", new { contactId }, cancellation);

    public Task<IReadOnlyList<CallAttempt>> ForCampaignAsync(long campaignId, long afterId, int limit, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Query(SelectAttempts + " WHERE campaign_id = @campaignId AND id > @afterId ORDER BY id LIMIT @limit",
            new { campaignId, afterId, limit }, cancellation);
    }

    public Task<IReadOnlyDictionary<string, long>> CountByOutcomeAsync(long campaignId, CancellationToken cancellation = default) =>
        Database.ReadAsync<IReadOnlyDictionary<string, long>>(async c => (await c.List<OutcomeCount>("""
            SELECT coalesce(outcome, status) AS outcome, count(*) AS count FROM call_attempts WHERE campaign_id = @campaignId
            GROUP BY coalesce(outcome, status)
            """, new { campaignId }, null, cancellation)).ToDictionary(o => o.Outcome, o => o.Count, StringComparer.Ordinal), cancellation);

    public Task<IReadOnlyList<CallAttempt>> UnfinishedAsync(CancellationToken cancellation = default) =>
        Query(SelectAttempts + " WHERE status = @status ORDER BY created_at, id", new { status = CallAttempt.Dialing }, cancellation);

    public Task<IReadOnlyList<CallAttempt>> UnfinishedAsync(string node, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Query(SelectAttempts + " WHERE status = @status AND node = @node ORDER BY created_at, id",
            new { status = CallAttempt.Dialing, node }, cancellation);
    }

    private Task<IReadOnlyList<CallAttempt>> Query(string sql, object parameters, CancellationToken cancellation) =>
        Database.ReadAsync<IReadOnlyList<CallAttempt>>(async c => (await c.List<Row>(sql, parameters, null, cancellation))
            .Select(r => new CallAttempt(r.Id, r.CampaignId, r.ContactId, r.AttemptNumber, r.Status, r.Outcome, r.DispositionCode, r.CallId,
                UnixTime.FromMs(r.CreatedAt), UnixTime.FromMs(r.EndedAt))
            {
                CallUuid = r.CallUuid,
                Node = r.Node,
                SipStatus = r.SipStatus,
                Detail = r.Detail,
                CallbackAt = UnixTime.FromMs(r.CallbackAt),
            }).ToList(), cancellation);

    /// <summary>An attempt to write: the contact's blind index travels with it for the caps.</summary>
    internal sealed record NewAttempt(long CampaignId, long ContactId, byte[] PhoneIndex, string? CallUuid, string? Node, long Now);

    private sealed class OutcomeCount
    {
        public string Outcome { get; set; } = "";

        public long Count { get; set; }
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public long CampaignId { get; set; }

        public long? ContactId { get; set; }

        public int AttemptNumber { get; set; }

        public string Status { get; set; } = "";

        public string? Outcome { get; set; }

        public string? DispositionCode { get; set; }

        public long? CallId { get; set; }

        public long CreatedAt { get; set; }

        public long? EndedAt { get; set; }

        public string? CallUuid { get; set; }

        public string? Node { get; set; }

        public int? SipStatus { get; set; }

        public string? Detail { get; set; }

        public long? CallbackAt { get; set; }
    }
}
