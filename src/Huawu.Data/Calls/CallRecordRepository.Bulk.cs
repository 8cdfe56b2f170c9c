using System.Data;
using Huawu.Data.Storage;

namespace Huawu.Data.Calls;

internal sealed partial class CallRecordRepository
{
    private const int RowsPerTransaction = 5_000;

    private static readonly (string Name, DbType Type)[] BulkColumns =
    [
        ("call_uuid", DbType.String), ("direction", DbType.String), ("customer_phone_enc", DbType.Binary),
        ("customer_phone_index", DbType.Binary), ("local_number", DbType.String), ("trunk", DbType.String), ("campaign_id", DbType.Int64),
        ("queue_id", DbType.Int64), ("agent_user_id", DbType.Int64), ("started_at", DbType.Int64), ("answered_at", DbType.Int64),
        ("ended_at", DbType.Int64), ("hangup_cause", DbType.String), ("hangup_side", DbType.String), ("sip_status", DbType.Int32),
        ("ring_ms", DbType.Int64), ("talk_ms", DbType.Int64), ("disposition_code", DbType.String), ("intent_grade", DbType.String),
    ];

    public async Task<int> InsertManyAsync(IReadOnlyList<NewCallRecord> calls, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var inserted = 0;
        for (var start = 0; start < calls.Count; start += RowsPerTransaction)
        {
            var end = Math.Min(calls.Count, start + RowsPerTransaction);
            // Encrypt outside the transaction: the write lock is held only for the inserts themselves.
            var values = new List<CallValues>(end - start);
            for (var i = start; i < end; i++) values.Add(Values(calls[i]));
            inserted += await Database.WriteAsync(async (c, t) =>
            {
                await using var insert = new BulkInsert(c, t, Database.Dialect, "calls", BulkColumns, "ON CONFLICT (call_uuid) DO NOTHING");
                return await insert.InsertAsync(values, Cells, cancellation);
            }, cancellation);
        }
        return inserted;
    }

    private static void Cells(CallValues v, object?[] cells)
    {
        cells[0] = v.CallUuid;
        cells[1] = v.Direction;
        cells[2] = v.CustomerPhoneEnc;
        cells[3] = v.CustomerPhoneIndex;
        cells[4] = v.LocalNumber;
        cells[5] = v.Trunk;
        cells[6] = v.CampaignId;
        cells[7] = v.QueueId;
        cells[8] = v.AgentUserId;
        cells[9] = v.StartedAt;
        cells[10] = v.AnsweredAt;
        cells[11] = v.EndedAt;
        cells[12] = v.HangupCause;
        cells[13] = v.HangupSide;
        cells[14] = v.SipStatus;
        cells[15] = v.RingMs;
        cells[16] = v.TalkMs;
        cells[17] = v.DispositionCode;
        cells[18] = v.IntentGrade;
    }
}
