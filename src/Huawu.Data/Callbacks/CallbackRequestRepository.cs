using System.Globalization;
using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Callbacks;

internal sealed class CallbackRequestRepository(StoreContext context) : ICallbackRequestRepository
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm";

    private Database Database => context.Database;

    public Task<DataResult<CallbackRequest>> AddAsync(string callUuid, string outcome, DateOnly? requestedDate, TimeOnly? requestedTime = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callUuid);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var date = requestedDate?.ToString(DateFormat, CultureInfo.InvariantCulture);
        var time = requestedTime?.ToString(TimeFormat, CultureInfo.InvariantCulture);
        var now = context.NowMs;
        return Database.WriteAsync(async (c, t) =>
        {
            if (await c.Scalar<long?>("SELECT id FROM calls WHERE call_uuid = @callUuid", new { callUuid }, t, cancellation) is not { } callId)
                return DataResult.Fail<CallbackRequest>(DataProblem.NotFound, $"call {callUuid}");
            if (await c.Scalar<long>("SELECT count(*) FROM callback_requests WHERE call_id = @callId", new { callId }, t, cancellation) > 0)
                return DataResult.Fail<CallbackRequest>(DataProblem.Duplicate, $"call {callUuid} already has a callback request");
            var id = await c.Scalar<long>("""
                INSERT INTO callback_requests (call_id, outcome, requested_date, requested_time, created_at)
                VALUES (@callId, @outcome, @date, @time, @now) RETURNING id
                """, new { callId, outcome, date, time, now }, t, cancellation);
            return DataResult.Ok(new CallbackRequest(id, callId, callUuid, null, outcome, requestedDate, UnixTime.FromMs(now), null, null)
            {
                RequestedTime = requestedTime,
            });
        }, cancellation);
    }

    public Task<IReadOnlyList<CallbackRequest>> OpenAsync(CancellationToken cancellation = default) =>
        Database.ReadAsync<IReadOnlyList<CallbackRequest>>(async c => [.. (await c.List<Row>("""
            SELECT r.id, r.call_id, c.call_uuid, c.customer_phone_enc, r.outcome, r.requested_date, r.requested_time, r.created_at, r.done_at, r.done_by
            FROM callback_requests r JOIN calls c ON c.id = r.call_id
            WHERE r.done_at IS NULL ORDER BY r.created_at, r.id
            """, null, null, cancellation)).Select(Decrypt)], cancellation);

    public Task<bool> CloseAsync(long id, string actor, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return Database.WriteAsync(async (c, t) => await c.Exec(
            "UPDATE callback_requests SET done_at = @now, done_by = @actor WHERE id = @id AND done_at IS NULL",
            new { id, actor, now = context.NowMs }, t, cancellation) > 0, cancellation);
    }

    private CallbackRequest Decrypt(Row row) =>
        new(row.Id, row.CallId, row.CallUuid, context.Cipher.UnprotectOptional(row.CustomerPhoneEnc, EncryptedColumns.CallCustomerPhone), row.Outcome,
            row.RequestedDate is { } date ? DateOnly.ParseExact(date, DateFormat, CultureInfo.InvariantCulture) : null,
            UnixTime.FromMs(row.CreatedAt), UnixTime.FromMs(row.DoneAt), row.DoneBy)
        {
            RequestedTime = row.RequestedTime is { } time ? TimeOnly.ParseExact(time, TimeFormat, CultureInfo.InvariantCulture) : null,
        };

    private sealed class Row
    {
        public long Id { get; set; }

        public long CallId { get; set; }

        public string CallUuid { get; set; } = "";

        public byte[]? CustomerPhoneEnc { get; set; }

        public string Outcome { get; set; } = "";

        public string? RequestedDate { get; set; }

        public string? RequestedTime { get; set; }

        public long CreatedAt { get; set; }

        public long? DoneAt { get; set; }

        public string? DoneBy { get; set; }
    }
}
