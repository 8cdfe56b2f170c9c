using System.Globalization;
using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Tests.Support;
using Huawu.Data.Calls;
using Huawu.Data.Campaigns;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.ContactCenter.Tests.Dialing;

/// <summary>
/// A node killed mid-campaign leaves numbers claimed and attempts dialing. Its next start settles each attempt from its call's record —
/// never dialling it again — and returns undecided numbers to the queue.
/// </summary>
public sealed class DialerRecoveryTests
{
    [Theory, BothDatabases]
    public async Task In_flight_attempts_are_settled_from_the_call_records_and_never_dialled_again(DatabaseProvider provider)
    {
        await using var rig = await DialerRig.CreateAsync(provider);
        string[] phones = ["+8613600000001", "+8613600000002", "+8613600000003", "+8613600000004"];
        var campaignId = await rig.CampaignAsync(phones);
        await rig.Campaigns.StartAsync(campaignId);
        // What the killed node had done: claimed three numbers, passed two through the gate (attempts written, INVITEs sent).
        var claimed = await rig.Store.CampaignQueue.ClaimDueAsync(campaignId, rig.Time.GetUtcNow(), 3, DialerRig.Node);
        var answered = await PassGateAsync(rig, campaignId, claimed[0], "a1a1a1a1a1a1a1a1");
        var unrecorded = await PassGateAsync(rig, campaignId, claimed[1], "b2b2b2b2b2b2b2b2");
        // The call records service saw the first call answered and closed it at the restart (NodeRestart).
        var call = (await rig.Store.Calls.InsertAsync(new NewCallRecord("a1a1a1a1a1a1a1a1", CallDirection.Outbound, rig.Time.GetUtcNow())
        {
            CustomerPhone = claimed[0].Phone,
            AnsweredAt = rig.Time.GetUtcNow().AddSeconds(3),
        })).Value!;
        rig.Time.Advance(TimeSpan.FromSeconds(20));
        await rig.Store.Calls.EndAsync(call.Id, new CallEnd(rig.Time.GetUtcNow(), "NodeRestart"));

        await rig.StartDialerAsync();

        var first = (await rig.Store.Attempts.GetAsync(answered.Id))!;
        Assert.Equal((CallAttempt.Completed, CampaignOutcome.Answered, (long?)call.Id), (first.Status, first.Outcome, first.CallId));
        Assert.Equal((CampaignOutcome.Answered, null), (first.DispositionCode, first.CallbackAt)); // no conversation outcome recorded: no promise
        var second = (await rig.Store.Attempts.GetAsync(unrecorded.Id))!;
        Assert.Equal((CallAttempt.Completed, CampaignOutcome.Failed), (second.Status, second.Outcome));
        Assert.Empty(await rig.Store.Attempts.UnfinishedAsync(DialerRig.Node));
        // The killed node's claim on the third number is released — not asserted through the claim table here: the
        // started dialer may already have claimed the third and fourth afresh (seen on PostgreSQL). It shows below: the
        // third is dialled exactly once.

        // The third (claimed, undecided) and fourth numbers are dialled now; the second again after its retry delay (30 s), as a new attempt.
        await rig.RunUntilAsync(async () => (await rig.Store.Campaigns.GetAsync(campaignId))!.Status == CampaignStatus.Completed,
            TimeSpan.FromSeconds(2), 100, "the campaign completes");
        var dialled = rig.Calls.Dialled.ToList();
        Assert.DoesNotContain(dialled, d => d.Destination == phones[0]);
        Assert.Equal(1, dialled.Count(d => d.Destination == claimed[1].Phone));
        Assert.Equal(1, dialled.Count(d => d.Destination == claimed[2].Phone));
        Assert.DoesNotContain(dialled, d => d.Id!.Value.Value is "a1a1a1a1a1a1a1a1" or "b2b2b2b2b2b2b2b2");
        Assert.DoesNotContain(dialled, d => d.Headers[Huawu.ContactCenter.Dialing.Dialer.AttemptHeader] ==
            answered.Id.ToString(CultureInfo.InvariantCulture) || d.Headers[Huawu.ContactCenter.Dialing.Dialer.AttemptHeader] == unrecorded.Id.ToString(CultureInfo.InvariantCulture));
        var retry = (await rig.Store.Attempts.ForContactAsync(claimed[1].ContactId))[^1];
        Assert.Equal((2, CampaignOutcome.Answered), (retry.AttemptNumber, retry.Outcome));
        Assert.True(retry.CreatedAt >= second.EndedAt!.Value.AddSeconds(30));
        Assert.Equal(3, dialled.Count);
    }

    [Fact]
    public async Task A_callback_promised_just_before_the_node_stopped_is_kept_from_the_calls_record()
    {
        await using var rig = await DialerRig.CreateAsync();
        var settings = DialerRig.Settings() with { Callbacks = new CallbackRules { DelaySeconds = 3600 } };
        var campaignId = await rig.CampaignAsync(["+8613600000005"], settings);
        await rig.Campaigns.StartAsync(campaignId);
        var contact = Assert.Single(await rig.Store.CampaignQueue.ClaimDueAsync(campaignId, rig.Time.GetUtcNow(), 1, DialerRig.Node));
        var attempt = await PassGateAsync(rig, campaignId, contact, "c3c3c3c3c3c3c3c3");
        // The robot said "we'll call you another time" and wrote its outcome; the node died before settling the attempt.
        var call = (await rig.Store.Calls.InsertAsync(new NewCallRecord("c3c3c3c3c3c3c3c3", CallDirection.Outbound, rig.Time.GetUtcNow())
        {
            CustomerPhone = contact.Phone,
            AnsweredAt = rig.Time.GetUtcNow().AddSeconds(3),
        })).Value!;
        await rig.Store.Calls.SetOutcomeAsync(call.Id, "busy", "D");
        rig.Time.Advance(TimeSpan.FromSeconds(40));
        await rig.Store.Calls.EndAsync(call.Id, new CallEnd(rig.Time.GetUtcNow(), "NodeRestart"));

        await rig.StartDialerAsync();

        var settled = (await rig.Store.Attempts.GetAsync(attempt.Id))!;
        Assert.Equal((CampaignOutcome.Answered, CampaignOutcome.Callback, rig.Time.GetUtcNow().AddHours(1)),
            (settled.Outcome, settled.DispositionCode, settled.CallbackAt));
        Assert.Equal(settled.CallbackAt, Assert.Single(await rig.Store.CampaignQueue.CallbacksAsync(campaignId)).CallbackAt);
        Assert.Equal(CampaignOutcome.Callback, (await rig.Store.Calls.GetAsync(call.Id))!.DispositionCode);
    }

    private static async Task<CallAttempt> PassGateAsync(DialerRig rig, long campaignId, QueuedContact contact, string callUuid)
    {
        var verdict = await rig.Gate.DecideAsync(new GateRequest(contact.Phone, CallKind.Robot, CallPurpose.Service, $"campaign:{campaignId}")
        {
            CallerId = "+862161234567", CampaignId = campaignId, ContactId = contact.ContactId, CallUuid = callUuid, Node = DialerRig.Node,
        });
        Assert.True(verdict.Allowed, verdict.ToString());
        return verdict.Attempt!;
    }
}
