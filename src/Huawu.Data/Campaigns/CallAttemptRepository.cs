using Huawu.Data.Storage;

namespace Huawu.Data.Campaigns;

internal sealed class CallAttemptRepository(StoreContext context) : ICallAttemptRepository
{
    private const string SelectAttempts = """
        SELECT id, campaign_id, contact_id, attempt_number, status, outcome, disposition_code, call_id, created_at, ended_at FROM call_attempts
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
            var number = 1 + await c.Scalar<int>(
                "SELECT count(*) FROM call_attempts WHERE campaign_id = @campaignId AND contact_id = @contactId",
                new { campaignId, contactId }, t, cancellation);
            var id = await c.Scalar<long>("""
                INSERT INTO call_attempts (campaign_id, contact_id, phone_index, attempt_number, status, created_at)
                VALUES (@campaignId, @contactId, @phoneIndex, @number, @status, @now) RETURNING id
                """, new { campaignId, contactId, phoneIndex, number, status = CallAttempt.Dialing, now }, t, cancellation);
            return DataResult.Ok(new CallAttempt(id, campaignId, contactId, number, CallAttempt.Dialing, null, null, null, UnixTime.FromMs(now), null));
        }, cancellation);
    }

    public Task<bool> CompleteAsync(long attemptId, string outcome, string? dispositionCode, long? callId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        return Database.WriteAsync(async (c, t) => await c.Exec("""
            UPDATE call_attempts SET status = @status, outcome = @outcome, disposition_code = @dispositionCode, call_id = @callId, ended_at = @now
            WHERE id = @attemptId
            """, new { attemptId, status = CallAttempt.Completed, outcome, dispositionCode, callId, now = context.NowMs }, t, cancellation) > 0,
            cancellation);
    }

    public async Task<int> CountSinceAsync(string phone, DateTimeOffset since, CancellationToken cancellation = default)
    {
        if (context.PhoneIndexOf(phone) is not { } index) return 0;
        return await Database.ReadAsync(c => c.Scalar<int>(
            "SELECT count(*) FROM call_attempts WHERE phone_index = @index AND created_at >= @since",
            new { index, since = UnixTime.ToMs(since) }, null, cancellation), cancellation);
    }

    public Task<IReadOnlyList<CallAttempt>> ForContactAsync(long contactId, CancellationToken cancellation = default) =>
        Query(SelectAttempts + " WHERE contact_id = @contactId ORDER BY id", new { contactId }, cancellation);

    public Task<IReadOnlyList<CallAttempt>> UnfinishedAsync(CancellationToken cancellation = default) =>
        Query(SelectAttempts + " WHERE status = @status ORDER BY created_at, id", new { status = CallAttempt.Dialing }, cancellation);

    private Task<IReadOnlyList<CallAttempt>> Query(string sql, object parameters, CancellationToken cancellation) =>
        Database.ReadAsync<IReadOnlyList<CallAttempt>>(async c => (await c.List<Row>(sql, parameters, null, cancellation))
            .Select(r => new CallAttempt(r.Id, r.CampaignId, r.ContactId, r.AttemptNumber, r.Status, r.Outcome, r.DispositionCode, r.CallId,
                UnixTime.FromMs(r.CreatedAt), UnixTime.FromMs(r.EndedAt))).ToList(), cancellation);

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
    }
}
