using Huawu.Data.Protection;
using Huawu.Data.Storage;

namespace Huawu.Data.Calls;

internal sealed partial class CallRecordRepository
{
    public Task<DataResult<CallLeg>> AddLegAsync(long callId, NewCallLeg leg, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var (party, partyIndex, stored) = ProtectPhone(leg.Party, EncryptedColumns.LegParty);
        return Database.WriteAsync(async (c, t) =>
        {
            if (!await CallExists(c, t, callId, cancellation)) return DataResult.Fail<CallLeg>(DataProblem.NotFound, $"call {callId}");
            var id = await c.Scalar<long>("""
                INSERT INTO call_legs (call_id, leg_uuid, role, party_enc, party_index, trunk, started_at)
                VALUES (@callId, @LegUuid, @Role, @party, @partyIndex, @Trunk, @startedAt)
                RETURNING id
                """, new { callId, leg.LegUuid, leg.Role, party, partyIndex, leg.Trunk, startedAt = UnixTime.ToMs(leg.StartedAt) }, t, cancellation);
            return DataResult.Ok(new CallLeg(id, callId, leg.LegUuid, leg.Role, stored, leg.Trunk, leg.StartedAt, null, null, null, null, null));
        }, cancellation);
    }

    public Task<bool> MarkLegAnsweredAsync(long legId, DateTimeOffset answeredAt, CancellationToken cancellation = default) =>
        Update("UPDATE call_legs SET answered_at = @answeredAt WHERE id = @legId", new { legId, answeredAt = UnixTime.ToMs(answeredAt) }, cancellation);

    public Task<bool> EndLegAsync(long legId, LegEnd end, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(end);
        return Update("""
            UPDATE call_legs SET ended_at = @EndedAt, hangup_cause = @HangupCause, hangup_side = @HangupSide, sip_status = @SipStatus
            WHERE id = @legId
            """, new { legId, EndedAt = UnixTime.ToMs(end.EndedAt), end.HangupCause, HangupSide = SideName(end.HangupSide), end.SipStatus },
            cancellation);
    }

    public async Task<IReadOnlyList<CallLeg>> LegsAsync(long callId, CancellationToken cancellation = default)
    {
        var rows = await Database.ReadAsync(c => c.List<LegRow>("""
            SELECT id, call_id, leg_uuid, role, party_enc, trunk, started_at, answered_at, ended_at, hangup_cause, hangup_side, sip_status
            FROM call_legs WHERE call_id = @callId ORDER BY id
            """, new { callId }, null, cancellation), cancellation);
        return [.. rows.Select(r => new CallLeg(r.Id, r.CallId, r.LegUuid, r.Role, context.Cipher.UnprotectOptional(r.PartyEnc, EncryptedColumns.LegParty),
            r.Trunk, UnixTime.FromMs(r.StartedAt), UnixTime.FromMs(r.AnsweredAt), UnixTime.FromMs(r.EndedAt), r.HangupCause,
            SideOf(r.HangupSide), r.SipStatus))];
    }

    public Task<DataResult<CallEvent>> AddEventAsync(long callId, string kind, string? detail, CancellationToken cancellation = default) =>
        AddEventAsync(callId, UnixTime.FromMs(context.NowMs), kind, detail, cancellation);

    public Task<DataResult<CallEvent>> AddEventAsync(long callId, DateTimeOffset occurredAt, string kind, string? detail,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var at = UnixTime.ToMs(occurredAt);
        return Database.WriteAsync(async (c, t) =>
        {
            if (!await CallExists(c, t, callId, cancellation)) return DataResult.Fail<CallEvent>(DataProblem.NotFound, $"call {callId}");
            var id = await c.Scalar<long>("INSERT INTO call_events (call_id, occurred_at, kind, detail) VALUES (@callId, @at, @kind, @detail) RETURNING id",
                new { callId, at, kind, detail }, t, cancellation);
            return DataResult.Ok(new CallEvent(id, callId, UnixTime.FromMs(at), kind, detail));
        }, cancellation);
    }

    public async Task<IReadOnlyList<CallEvent>> EventsAsync(long callId, CancellationToken cancellation = default)
    {
        var rows = await Database.ReadAsync(c => c.List<EventRow>(
            "SELECT id, call_id, occurred_at, kind, detail FROM call_events WHERE call_id = @callId ORDER BY occurred_at, id",
            new { callId }, null, cancellation), cancellation);
        return [.. rows.Select(r => new CallEvent(r.Id, r.CallId, UnixTime.FromMs(r.OccurredAt), r.Kind, r.Detail))];
    }

    public Task<bool> SetVariableAsync(long callId, string name, string value, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        var encrypted = context.Cipher.Protect(value, EncryptedColumns.CallVariableValue);
        var now = context.NowMs;
        return Database.WriteAsync(async (c, t) =>
            await CallExists(c, t, callId, cancellation) &&
            await c.Exec("""
                INSERT INTO call_variables (call_id, name, value_enc, updated_at) VALUES (@callId, @name, @encrypted, @now)
                ON CONFLICT (call_id, name) DO UPDATE SET value_enc = excluded.value_enc, updated_at = excluded.updated_at
                """, new { callId, name, encrypted, now }, t, cancellation) > 0, cancellation);
    }

    public async Task<IReadOnlyDictionary<string, string>> VariablesAsync(long callId, CancellationToken cancellation = default)
    {
        var rows = await Database.ReadAsync(c => c.List<VariableRow>(
            "SELECT name, value_enc FROM call_variables WHERE call_id = @callId ORDER BY name", new { callId }, null, cancellation), cancellation);
        return rows.ToDictionary(r => r.Name, r => context.Cipher.Unprotect(r.ValueEnc, EncryptedColumns.CallVariableValue));
    }

    private static async Task<bool> CallExists(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        long callId, CancellationToken cancellation) =>
        await connection.Scalar<long>("SELECT count(*) FROM calls WHERE id = @callId", new { callId }, transaction, cancellation) > 0;

    private sealed class LegRow
    {
        public long Id { get; set; }

        public long CallId { get; set; }

        public string LegUuid { get; set; } = "";

        public string Role { get; set; } = "";

        public byte[]? PartyEnc { get; set; }

        public string? Trunk { get; set; }

        public long StartedAt { get; set; }

        public long? AnsweredAt { get; set; }

        public long? EndedAt { get; set; }

        public string? HangupCause { get; set; }

        public string? HangupSide { get; set; }

        public int? SipStatus { get; set; }
    }

    private sealed class EventRow
    {
        public long Id { get; set; }

        public long CallId { get; set; }

        public long OccurredAt { get; set; }

        public string Kind { get; set; } = "";

        public string? Detail { get; set; }
    }

    private sealed class VariableRow
    {
        public string Name { get; set; } = "";

        public byte[] ValueEnc { get; set; } = [];
    }
}
