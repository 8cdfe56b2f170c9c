using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Calls;

internal sealed partial class CallRecordRepository
{
    public async Task<DataResult<CallRecord>> InsertAsync(NewCallRecord call, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (string.IsNullOrWhiteSpace(call.CallUuid)) return DataResult.Fail<CallRecord>(DataProblem.Invalid, "call uuid: required");
        var values = Values(call);
        var id = await Database.WriteAsync((c, t) => c.Scalar<long?>("""
            INSERT INTO calls (call_uuid, direction, customer_phone_enc, customer_phone_index, local_number, trunk, campaign_id, queue_id,
                               agent_user_id, started_at, answered_at, ended_at, hangup_cause, hangup_side, sip_status, ring_ms, talk_ms,
                               disposition_code, intent_grade)
            VALUES (@CallUuid, @Direction, @CustomerPhoneEnc, @CustomerPhoneIndex, @LocalNumber, @Trunk, @CampaignId, @QueueId,
                    @AgentUserId, @StartedAt, @AnsweredAt, @EndedAt, @HangupCause, @HangupSide, @SipStatus, @RingMs, @TalkMs,
                    @DispositionCode, @IntentGrade)
            ON CONFLICT (call_uuid) DO NOTHING
            RETURNING id
            """, values, t, cancellation), cancellation);
        return id is { } callId
            ? DataResult.Ok((await GetAsync(callId, cancellation))!)
            : DataResult.Fail<CallRecord>(DataProblem.Duplicate, $"call {call.CallUuid} is already recorded");
    }

    public Task<bool> MarkAnsweredAsync(long id, DateTimeOffset answeredAt, CancellationToken cancellation = default) =>
        Update("UPDATE calls SET answered_at = @answeredAt WHERE id = @id", new { id, answeredAt = UnixTime.ToMs(answeredAt) }, cancellation);

    public Task<bool> EndAsync(long id, CallEnd end, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(end);
        return Update("""
            UPDATE calls SET ended_at = @EndedAt, hangup_cause = @HangupCause, hangup_side = @HangupSide, sip_status = @SipStatus,
                             ring_ms = @RingMs, talk_ms = @TalkMs,
                             disposition_code = coalesce(@DispositionCode, disposition_code), intent_grade = coalesce(@IntentGrade, intent_grade)
            WHERE id = @id
            """, new
        {
            id, EndedAt = UnixTime.ToMs(end.EndedAt), end.HangupCause, HangupSide = SideName(end.HangupSide), end.SipStatus,
            RingMs = Durations.ToMs(end.RingDuration), TalkMs = Durations.ToMs(end.TalkDuration), end.DispositionCode, end.IntentGrade,
        }, cancellation);
    }

    public Task<bool> SetOutcomeAsync(long id, string? dispositionCode, string? intentGrade, CancellationToken cancellation = default) =>
        Update("UPDATE calls SET disposition_code = coalesce(@dispositionCode, disposition_code), intent_grade = coalesce(@intentGrade, intent_grade) WHERE id = @id",
            new { id, dispositionCode, intentGrade }, cancellation);

    private Task<bool> Update(string sql, object parameters, CancellationToken cancellation) =>
        Database.WriteAsync(async (c, t) => await c.Exec(sql, parameters, t, cancellation) > 0, cancellation);

    private CallValues Values(NewCallRecord call)
    {
        var (encrypted, index, _) = ProtectPhone(call.CustomerPhone, EncryptedColumns.CallCustomerPhone);
        return new CallValues(call.CallUuid, DirectionName(call.Direction), encrypted, index, call.LocalNumber, call.Trunk, call.CampaignId,
            call.QueueId, call.AgentUserId, UnixTime.ToMs(call.StartedAt), UnixTime.ToMs(call.AnsweredAt), UnixTime.ToMs(call.EndedAt),
            call.HangupCause, SideName(call.HangupSide), call.SipStatus, Durations.ToMs(call.RingDuration), Durations.ToMs(call.TalkDuration),
            call.DispositionCode, call.IntentGrade);
    }

    private sealed record CallValues(string CallUuid, string Direction, byte[]? CustomerPhoneEnc, byte[]? CustomerPhoneIndex,
        string? LocalNumber, string? Trunk, long? CampaignId, long? QueueId, long? AgentUserId, long StartedAt, long? AnsweredAt, long? EndedAt,
        string? HangupCause, string? HangupSide, int? SipStatus, long? RingMs, long? TalkMs, string? DispositionCode, string? IntentGrade);
}
