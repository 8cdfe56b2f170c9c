using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.Data.Campaigns;
using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging;

namespace Huawu.ContactCenter.Dialing;

// One claimed number: the gate (which writes the attempt before the INVITE), the call, the handler, the settlement.
public sealed partial class Dialer
{
    /// <summary>SIP header naming the attempt in the INVITE, so the far end's logs can be matched to Huawu's attempts.</summary>
    public const string AttemptHeader = "X-Huawu-Attempt";

    public const string CampaignHeader = "X-Huawu-Campaign";

    private async Task AttemptAsync(CampaignRun run, QueuedContact contact, string trunk)
    {
        try
        {
            var callId = CallId.New();
            var callerId = run.NextCallerId();
            var verdict = await _gate.DecideAsync(new GateRequest(contact.Phone, CallKind.Robot, run.Settings.Purpose, $"campaign:{run.Id}")
            {
                CallerId = callerId ?? _options.TrunkCallerIds.GetValueOrDefault(trunk),
                ListZone = run.ListZones.GetValueOrDefault(contact.ListId),
                CampaignId = run.Id,
                ContactId = contact.ContactId,
                CallUuid = callId.Value,
                Node = _options.NodeId,
            }, CancellationToken.None);
            if (!verdict.Allowed)
            {
                await SettleRefusalAsync(run, contact, verdict);
                return;
            }
            var attempt = verdict.Attempt!;
            var result = await _calls.OriginateAsync(new OriginateRequest(DialNumbers.Format(contact.Phone, run.Settings.NumberFormat))
            {
                Id = callId,
                Trunk = trunk,
                CallerId = callerId,
                RingTimeout = TimeSpan.FromSeconds(run.Settings.Limits.RingTimeoutSeconds),
                Headers = new Dictionary<string, string>
                {
                    [AttemptHeader] = attempt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [CampaignHeader] = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }, CancellationToken.None);
            var (outcome, detail) = OutcomeMapper.FromOriginate(result);
            var talked = result.Call is { } call ? await TalkAsync(run, contact, attempt, call) : new AnsweredCallResult(outcome);
            var endedAt = _time.GetUtcNow();
            var end = new AttemptEnd(outcome, talked.DispositionCode, SipStatus: result.SipStatus, Detail: detail);
            var callback = outcome == CampaignOutcome.Answered
                ? await PlanCallbackAsync(run.Settings, run.NextScheduled, run.ListZones.GetValueOrDefault(contact.ListId), contact,
                    new AskedCallback(talked.DispositionCode, talked.CallbackDate, talked.CallbackTime), endedAt)
                : null;
            var settlement = callback is { } promised
                ? CallbackSettlement(attempt.Id, end, promised)
                : new AttemptSettlement(RetryPlanner.Plan(outcome, contact.Attempts + 1, run.Settings.Retries, endedAt)) { AttemptId = attempt.Id, End = end };
            await SettleAsync(run, contact, settlement, attempt.Id, callback is null ? outcome : CampaignOutcome.Callback, null, result.SipStatus);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The attempt (if written) stays dialing and is settled from its call record at the next start; the number stays claimed.
            _logger.LogError(e, "Campaign {Campaign}: attempt for contact {Contact} failed unexpectedly", run.Id, contact.ContactId);
        }
        finally
        {
            run.InFlight.Decrement();
        }
    }

    private async Task<AnsweredCallResult> TalkAsync(CampaignRun run, QueuedContact contact, CallAttempt attempt, ICall call)
    {
        try
        {
            return await _handler.HandleAsync(new AnsweredCall(call, run.Campaign, run.Settings, contact, attempt), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "Campaign {Campaign}: the answered-call handler failed on call {Call}", run.Id, call.Id);
            return new AnsweredCallResult(CampaignOutcome.Answered);
        }
        finally
        {
            if (call.State != CallState.Ended) await call.HangupAsync();
            await call.Ended;
        }
    }

    private Task SettleRefusalAsync(CampaignRun run, QueuedContact contact, GateVerdict verdict)
    {
        var now = _time.GetUtcNow();
        if (verdict.IsFinal)
        {
            return SettleAsync(run, contact, new AttemptSettlement(new QueueRelease(QueueState.Done, now, CampaignOutcome.Blocked, CountsAsAttempt: false))
            {
                End = new AttemptEnd(CampaignOutcome.Blocked, verdict.Rule, Detail: $"{verdict.Rule}: {verdict.Detail}"),
                Node = _options.NodeId,
            }, null, CampaignOutcome.Blocked, verdict.Rule, null);
        }
        // Not now (hours, holiday, a cap): the number waits until the gate says it may pass, no attempt spent.
        var retry = verdict.RetryAt ?? now.AddMinutes(1);
        return SettleAsync(run, contact, new AttemptSettlement(new QueueRelease(QueueState.Pending, retry, null, CountsAsAttempt: false)),
            null, "deferred", verdict.Rule, null, retry);
    }

    private async Task SettleAsync(CampaignRun run, QueuedContact contact, AttemptSettlement settlement, long? attemptId, string outcome, string? rule,
        int? sipStatus, DateTimeOffset? next = null)
    {
        if (!await _store.CampaignQueue.SettleAsync(run.Id, contact.ContactId, settlement, CancellationToken.None))
            _logger.LogWarning("Campaign {Campaign}: contact {Contact} was no longer claimed when its attempt ended ({Outcome})", run.Id, contact.ContactId, outcome);
        var at = _time.GetUtcNow();
        var nextAttempt = next ?? (settlement.Release.State == QueueState.Pending ? settlement.Release.NextAttemptAt : null);
        _observer?.OnEvent(new AttemptSettled(run.Id, at, contact.ContactId, attemptId, outcome, rule, sipStatus, nextAttempt));
    }
}
