using Huawu.ContactCenter.Campaigns;
using Huawu.Data.Campaigns;
using Microsoft.Extensions.Logging;

namespace Huawu.ContactCenter.Dialing;

public sealed partial class Dialer
{
    /// <summary>
    /// What a crash (kill -9) of this node left in flight, settled before it dials again: each attempt still dialing gets its outcome from
    /// its call's record (answered, busy, no answer, failed; no record: failed, interrupted) and its number the retry the campaign's rules
    /// give — never a second dial of the same attempt; numbers claimed but not yet decided go back to the queue as they were.
    /// </summary>
    private sealed class Recovery(Dialer dialer)
    {
        public async Task RunAsync(CancellationToken cancellation)
        {
            var store = dialer._store;
            var node = dialer._options.NodeId;
            var claimed = (await store.CampaignQueue.ClaimedAsync(node, cancellation)).ToDictionary(c => (c.CampaignId, c.ContactId));
            var unfinished = await store.Attempts.UnfinishedAsync(node, cancellation);
            var settings = new Dictionary<long, CampaignSettings>();
            foreach (var attempt in unfinished)
            {
                var record = attempt.CallUuid is { } uuid ? await store.Calls.FindByUuidAsync(uuid, cancellation) : null;
                var (outcome, detail) = OutcomeMapper.FromRecord(record);
                var end = new AttemptEnd(outcome, record?.DispositionCode ?? outcome, record?.Id, record?.SipStatus, detail);
                var now = dialer._time.GetUtcNow();
                if (attempt.ContactId is { } contactId && claimed.Remove((attempt.CampaignId, contactId), out var contact))
                {
                    var rules = await SettingsOfAsync(attempt.CampaignId, settings, cancellation);
                    var callback = await RecordedCallbackAsync(rules, contact, outcome, record, now, cancellation);
                    await store.CampaignQueue.SettleAsync(attempt.CampaignId, contactId, callback is { } promised
                        ? CallbackSettlement(attempt.Id, end, promised)
                        : new AttemptSettlement(RetryPlanner.Plan(outcome, contact.Attempts + 1, rules.Retries, now)) { AttemptId = attempt.Id, End = end },
                        cancellation);
                }
                else
                {
                    await store.Attempts.FinishAsync(attempt.Id, end, cancellation);
                }
                dialer._logger.LogWarning("Campaign {Campaign}: attempt {Attempt} was in flight when this node stopped; settled as {Outcome} ({Detail})",
                    attempt.CampaignId, attempt.Id, outcome, detail);
            }
            foreach (var contact in claimed.Values)
            {
                // Claimed, but the gate had not written an attempt: nothing was dialled. Back to the queue, due now.
                await store.CampaignQueue.ReleaseAsync(contact.CampaignId, contact.ContactId,
                    new QueueRelease(QueueState.Pending, dialer._time.GetUtcNow(), null, CountsAsAttempt: false), cancellation);
            }
            if (unfinished.Count + claimed.Count > 0)
                dialer._logger.LogInformation("Dialer recovery: {Attempts} attempts settled, {Claims} claimed numbers returned to their queues", unfinished.Count, claimed.Count);
        }

        /// <summary>
        /// A conversation that ended asking for a callback before the node stopped: its disposition is on the call's record, so the promise
        /// is kept (after the campaign's delay: the day a date slot held is not read back from the record).
        /// </summary>
        private async Task<CallbackPlan?> RecordedCallbackAsync(CampaignSettings rules, QueuedContact contact, string outcome,
            Data.Calls.CallRecord? record, DateTimeOffset now, CancellationToken cancellation)
        {
            if (outcome != CampaignOutcome.Answered || record?.DispositionCode is not { } disposition) return null;
            var listZone = (await dialer._store.Contacts.GetListAsync(contact.ListId, cancellation))?.TimeZone;
            var schedule = CampaignRun.ScheduleOf(rules);
            var zone = CampaignRun.ZoneOf(rules, dialer._options.DefaultZone);
            return await dialer.PlanCallbackAsync(rules, from => schedule.NextOpen(from, zone), listZone, contact, new AskedCallback(disposition), now);
        }

        private async Task<CampaignSettings> SettingsOfAsync(long campaignId, Dictionary<long, CampaignSettings> known, CancellationToken cancellation)
        {
            if (known.TryGetValue(campaignId, out var settings)) return settings;
            var campaign = await dialer._store.Campaigns.GetAsync(campaignId, cancellation);
            return known[campaignId] = CampaignSettings.FromJson(campaign?.Settings, out _) ?? new CampaignSettings();
        }
    }
}
