using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Calls;

internal sealed partial class CallRecordRepository(StoreContext context) : ICallRecordRepository
{
    private const string SelectCalls = """
        SELECT id, call_uuid, direction, customer_phone_enc, local_number, trunk, campaign_id, queue_id, agent_user_id,
               started_at, answered_at, ended_at, hangup_cause, hangup_side, sip_status, ring_ms, talk_ms, disposition_code, intent_grade
        FROM calls
        """;

    private Database Database => context.Database;

    public Task<CallRecord?> GetAsync(long id, CancellationToken cancellation = default) =>
        QuerySingle(SelectCalls + " WHERE id = @id", new { id }, cancellation);

    public Task<CallRecord?> FindByUuidAsync(string callUuid, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(callUuid);
        return QuerySingle(SelectCalls + " WHERE call_uuid = @callUuid", new { callUuid }, cancellation);
    }

    public Task<CallRecord?> FindByLegIdAsync(string legUuid, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(legUuid);
        // The record listing the leg, else the record the leg begins (named by its first leg's id) before that leg's row
        // is written. A leg belongs to one record; should two ever list the same id, the newest is the live one.
        return QuerySingle(SelectCalls + """
             WHERE id IN (SELECT call_id FROM call_legs WHERE leg_uuid = @legUuid) OR call_uuid = @legUuid
            ORDER BY id DESC LIMIT 1
            """, new { legUuid }, cancellation);
    }

    public async Task<IReadOnlyList<CallRecord>> FindByCustomerPhoneAsync(string phone, CancellationToken cancellation = default)
    {
        if (context.PhoneIndexOf(phone) is not { } index) return [];
        var rows = await Database.ReadAsync(c => c.List<CallRow>(
            SelectCalls + " WHERE customer_phone_index = @index ORDER BY started_at DESC, id DESC", new { index }, null, cancellation), cancellation);
        return [.. rows.Select(Decrypt)];
    }

    private async Task<CallRecord?> QuerySingle(string sql, object parameters, CancellationToken cancellation)
    {
        var row = await Database.ReadAsync(c => c.FirstOrDefault<CallRow>(sql, parameters, null, cancellation), cancellation);
        return row is null ? null : Decrypt(row);
    }

    /// <summary>The stored form of a customer's number: E.164 and indexed when it is a number, as given (unindexed) otherwise.</summary>
    private (byte[]? Encrypted, byte[]? Index, string? Stored) ProtectPhone(string? phone, EncryptedColumn column)
    {
        if (phone is null) return (null, null, null);
        return context.PhoneNumbers.TryNormalize(phone, out var e164)
            ? (context.Cipher.Protect(e164, column), context.Index.Phone(e164), e164)
            : (context.Cipher.Protect(phone, column), null, phone);
    }

    private CallRecord Decrypt(CallRow row) => new(
        row.Id, row.CallUuid, Enum.Parse<CallDirection>(row.Direction, ignoreCase: true),
        context.Cipher.UnprotectOptional(row.CustomerPhoneEnc, EncryptedColumns.CallCustomerPhone),
        row.LocalNumber, row.Trunk, row.CampaignId, row.QueueId, row.AgentUserId,
        UnixTime.FromMs(row.StartedAt), UnixTime.FromMs(row.AnsweredAt), UnixTime.FromMs(row.EndedAt),
        row.HangupCause, SideOf(row.HangupSide), row.SipStatus, Durations.FromMs(row.RingMs), Durations.FromMs(row.TalkMs),
        row.DispositionCode, row.IntentGrade);

    private static string DirectionName(CallDirection direction) => direction.ToString().ToLowerInvariant();

    private static string? SideName(CallSide? side) => side?.ToString().ToLowerInvariant();

    private static CallSide? SideOf(string? name) => name is null ? null : Enum.Parse<CallSide>(name, ignoreCase: true);

    private sealed class CallRow
    {
        public long Id { get; set; }

        public string CallUuid { get; set; } = "";

        public string Direction { get; set; } = "";

        public byte[]? CustomerPhoneEnc { get; set; }

        public string? LocalNumber { get; set; }

        public string? Trunk { get; set; }

        public long? CampaignId { get; set; }

        public long? QueueId { get; set; }

        public long? AgentUserId { get; set; }

        public long StartedAt { get; set; }

        public long? AnsweredAt { get; set; }

        public long? EndedAt { get; set; }

        public string? HangupCause { get; set; }

        public string? HangupSide { get; set; }

        public int? SipStatus { get; set; }

        public long? RingMs { get; set; }

        public long? TalkMs { get; set; }

        public string? DispositionCode { get; set; }

        public string? IntentGrade { get; set; }
    }
}
