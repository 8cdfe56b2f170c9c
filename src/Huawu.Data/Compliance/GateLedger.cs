using System.Buffers.Binary;
using System.Globalization;
using Huawu.Data.Campaigns;
using Huawu.Data.Storage;

namespace Huawu.Data.Compliance;

internal sealed class GateLedger(StoreContext context) : IGateLedger
{
    private const string InsertDecision = """
        INSERT INTO gate_decisions (phone_index, decided_at, allowed, rule, detail, campaign_id, attempt_id, actor)
        VALUES (@index, @now, @allowed, @rule, @detail, @campaignId, @attemptId, @actor) RETURNING id
        """;

    private Database Database => context.Database;

    public Task<DataResult<SlotReservation>> ReserveAsync(SlotRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (context.PhoneIndexOf(request.Phone) is not { } index)
            return Task.FromResult(DataResult.Fail<SlotReservation>(DataProblem.Invalid, "phone: not a phone number"));
        var longest = request.Caps.Count == 0 ? TimeSpan.Zero : request.Caps.Max(c => c.Window);
        return Database.WriteAsync(async (c, t) =>
        {
            if (Database.Dialect.SerializeWritersSql is { } lockSql)
            {
                // PostgreSQL: deciders of this number queue here until the holder commits; other numbers go on in parallel.
                await c.Exec(lockSql, new { @lock = BinaryPrimitives.ReadInt64BigEndian(index) }, t, cancellation);
            }
            // Read the clock after the lock: a decider that waited counts the slot its predecessor just took.
            var now = context.NowMs;
            var taken = await c.List<long>("""
                SELECT decided_at FROM gate_decisions WHERE phone_index = @index AND allowed = TRUE AND decided_at > @since
                ORDER BY decided_at DESC
                """, new { index, since = now - (long)longest.TotalMilliseconds }, t, cancellation);
            foreach (var cap in request.Caps)
            {
                var windowStart = now - (long)cap.Window.TotalMilliseconds;
                var counted = taken.Count(at => at > windowStart);
                if (counted < cap.Limit) continue;
                // The cap frees up when its Limit-th most recent call leaves the window.
                var freesAt = UnixTime.FromMs(taken.Where(at => at > windowStart).ElementAt(cap.Limit - 1) + (long)cap.Window.TotalMilliseconds);
                var refusal = await c.Scalar<long>(InsertDecision, new { index, now, allowed = false, rule = cap.Rule,
                    detail = string.Create(CultureInfo.InvariantCulture, $"{counted} calls in {cap.Window:g} (limit {cap.Limit})"), campaignId = request.CampaignId, attemptId = (long?)null,
                    actor = request.Actor }, t, cancellation);
                return DataResult.Ok(new SlotReservation(refusal, null, cap, counted, freesAt));
            }
            CallAttempt? attempt = null;
            if (request.CampaignId is { } campaignId && request.ContactId is { } contactId)
            {
                if (await c.Scalar<long>("SELECT count(*) FROM contacts WHERE id = @contactId", new { contactId }, t, cancellation) == 0 ||
                    await c.Scalar<long>("SELECT count(*) FROM campaigns WHERE id = @campaignId", new { campaignId }, t, cancellation) == 0)
                {
                    return DataResult.Fail<SlotReservation>(DataProblem.NotFound, $"campaign {campaignId} or contact {contactId}");
                }
                attempt = await CallAttemptRepository.InsertAsync(c, t,
                    new CallAttemptRepository.NewAttempt(campaignId, contactId, index, request.CallUuid, request.Node, now), cancellation);
            }
            var id = await c.Scalar<long>(InsertDecision, new { index, now, allowed = true, rule = (string?)null, detail = (string?)null,
                campaignId = request.CampaignId, attemptId = attempt?.Id, actor = request.Actor }, t, cancellation);
            return DataResult.Ok(new SlotReservation(id, attempt, null, taken.Count, null));
        }, cancellation);
    }

    public async Task<DataResult<long>> RecordRefusalAsync(string phone, string rule, string? detail, long? campaignId, string actor,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentNullException.ThrowIfNull(actor);
        if (context.PhoneIndexOf(phone) is not { } index) return DataResult.Fail<long>(DataProblem.Invalid, "phone: not a phone number");
        var now = context.NowMs;
        return DataResult.Ok(await Database.WriteAsync((c, t) => c.Scalar<long>(InsertDecision,
            new { index, now, allowed = false, rule, detail, campaignId, attemptId = (long?)null, actor }, t, cancellation), cancellation));
    }

    public async Task<IReadOnlyList<GateDecision>> HistoryAsync(string phone, DateTimeOffset since, CancellationToken cancellation = default)
    {
        if (context.PhoneIndexOf(phone) is not { } index) return [];
        var rows = await Database.ReadAsync(c => c.List<Row>("""
            SELECT id, decided_at, allowed, rule, detail, campaign_id, attempt_id, actor FROM gate_decisions
            WHERE phone_index = @index AND decided_at >= @since ORDER BY decided_at, id
            """, new { index, since = UnixTime.ToMs(since) }, null, cancellation), cancellation);
        return [.. rows.Select(r => new GateDecision(r.Id, UnixTime.FromMs(r.DecidedAt), r.Allowed, r.Rule, r.Detail, r.CampaignId, r.AttemptId, r.Actor))];
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public long DecidedAt { get; set; }

        public bool Allowed { get; set; }

        public string? Rule { get; set; }

        public string? Detail { get; set; }

        public long? CampaignId { get; set; }

        public long? AttemptId { get; set; }

        public string Actor { get; set; } = "";
    }
}
