using System.Text;
using Huawu.Data;
using Huawu.Data.Audit;
using Huawu.Data.Calls;
using Huawu.Data.Protection;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Calls;

/// <summary>
/// <c>GET /api/v1/calls/export</c>: every call the caller reaches as CSV, newest first, masked by role like the API,
/// streamed page by page. Each export is audited with how many calls it carried.
/// </summary>
internal static class CallExport
{
    private const int Batch = 500;

    private static readonly string Header = CsvText.Line("id", "call_uuid", "direction", "customer_phone", "local_number", "trunk", "campaign_id",
        "queue_id", "agent_user_id", "started_at", "answered_at", "ended_at", "hangup_cause", "hangup_side", "sip_status", "ring_seconds",
        "talk_seconds", "disposition_code", "intent_grade");

    public static void Map(RouteGroupBuilder calls) =>
        calls.MapGet("/export", ExportAsync).RequirePermission(Permission.CallsExport).AuditedByHandler("call_export")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

    private static async Task<IResult> ExportAsync(HttpContext context, DataStore store, ScopeResolver scopes, RequestAudit audit)
    {
        var scope = await scopes.ForRequestAsync(context);
        return TypedResults.Stream(async body =>
        {
            var count = 0;
            var completed = false;
            try
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
                await writer.WriteAsync(Header);
                long? before = null;
                while (true)
                {
                    var page = await store.Calls.PageAsync(scope.Calls, before, Batch, context.RequestAborted);
                    foreach (var call in page)
                    {
                        await writer.WriteAsync(Line(call, scope.View));
                    }
                    count += page.Count;
                    if (page.Count < Batch) break;
                    before = page[^1].Id;
                }
                completed = true;
            }
            finally
            {
                // Recorded even when the download breaks off: what left the building so far is what matters.
                await audit.RecordAsync(context, AuditAction.Exported, completed ? AuditOutcome.Success : AuditOutcome.Failure, "call_export", null,
                    $"{count} calls as CSV" + (completed ? "" : ", interrupted"));
            }
        }, "text/csv; charset=utf-8", "calls.csv");
    }

    private static string Line(CallRecord call, PersonalDataView view) => CsvText.Line(CsvText.Field(call.Id), CsvText.Field(call.CallUuid),
        CsvText.Field(call.Direction.ToString().ToLowerInvariant()), CsvText.Field(view.Show(DataClass.PhoneNumber, call.CustomerPhone)),
        CsvText.Field(call.LocalNumber), CsvText.Field(call.Trunk), CsvText.Field(call.CampaignId), CsvText.Field(call.QueueId),
        CsvText.Field(call.AgentUserId), CsvText.Field(call.StartedAt), CsvText.Field(call.AnsweredAt), CsvText.Field(call.EndedAt),
        CsvText.Field(call.HangupCause), CsvText.Field(CallResponse.SideText(call.HangupSide)), CsvText.Field(call.SipStatus),
        CsvText.Field(call.RingDuration), CsvText.Field(call.TalkDuration), CsvText.Field(call.DispositionCode), CsvText.Field(call.IntentGrade));
}
