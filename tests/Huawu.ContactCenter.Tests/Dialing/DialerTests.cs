using System.Globalization;
using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Dialing;
using Huawu.ContactCenter.Tests.Support;
using Huawu.Data.Campaigns;

namespace Huawu.ContactCenter.Tests.Dialing;

public sealed class DialerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    // The last digit decides what the scripted trunk does: 0-3 answer, 4-5 busy, 6-7 no answer, 8 unreachable, 9 on the do-not-call list.
    private static FarEnd ByLastDigit(string destination) => (destination[^1] - '0') switch
    {
        <= 3 => FarEnd.Answer,
        4 or 5 => FarEnd.Busy,
        6 or 7 => FarEnd.NoAnswer,
        _ => FarEnd.Unreachable,
    };

    [Fact]
    public async Task Every_number_reaches_its_outcome_with_retries_when_due_and_blocked_numbers_are_never_dialled()
    {
        await using var rig = await DialerRig.CreateAsync();
        var phones = Enumerable.Range(0, 30).Select(i => "+86138000000" + i.ToString("00", CultureInfo.InvariantCulture)).ToList();
        foreach (var phone in phones.Where(p => p[^1] == '9')) await rig.Store.DoNotCall.AddAsync(phone, "asked", "user:test");
        rig.Calls.Script = ByLastDigit;
        var campaignId = await rig.CampaignAsync(phones);
        Assert.True((await rig.Campaigns.StartAsync(campaignId)).Succeeded);
        await rig.StartDialerAsync();

        await rig.RunUntilAsync(async () => (await rig.Store.Campaigns.GetAsync(campaignId))!.Status == CampaignStatus.Completed,
            TimeSpan.FromSeconds(5), 200, "the campaign completes");

        var dialled = rig.Calls.Dialled.ToList();
        Assert.DoesNotContain(dialled, d => d.Destination[^1] == '9');
        var expected = new Dictionary<char, (int Dials, string Outcome)>
        {
            ['0'] = (1, CampaignOutcome.Answered), ['3'] = (1, CampaignOutcome.Answered), ['4'] = (2, CampaignOutcome.Busy),
            ['6'] = (3, CampaignOutcome.NoAnswer), ['8'] = (2, CampaignOutcome.Failed), ['9'] = (0, CampaignOutcome.Blocked),
        };
        var attempts = await rig.Store.Attempts.ForCampaignAsync(campaignId, 0, 1000);
        foreach (var phone in phones.Where(p => expected.ContainsKey(p[^1])))
        {
            var (dials, outcome) = expected[phone[^1]];
            Assert.Equal(dials, dialled.Count(d => d.Destination == phone));
            var contact = (await rig.Store.Contacts.FindByPhoneAsync(phone)).Single();
            var mine = attempts.Where(a => a.ContactId == contact.Id).OrderBy(a => a.Id).ToList();
            Assert.Equal(outcome, mine[^1].Outcome);
            Assert.All(mine, a => Assert.Equal(CallAttempt.Completed, a.Status));
            for (var i = 1; i < mine.Count; i++)
            {
                var delay = outcome == CampaignOutcome.Busy ? 60 : outcome == CampaignOutcome.NoAnswer ? 120 : 30;
                Assert.True(mine[i].CreatedAt >= mine[i - 1].EndedAt!.Value.AddSeconds(delay), $"{phone}: retry {i} came before its delay");
            }
        }
        // One INVITE per attempt: the call id and the attempt header were written into the attempt before dialling.
        var dialledAttempts = attempts.Where(a => a.CallUuid is not null).ToList();
        Assert.Equal(dialled.Count, dialledAttempts.Count);
        Assert.Equal(dialledAttempts.Select(a => (a.CallUuid!, a.Id.ToString(CultureInfo.InvariantCulture))).Order(),
            dialled.Select(d => (d.Id!.Value.Value, d.Headers[Dialer.AttemptHeader])).Order());
        var listedContact = (await rig.Store.Contacts.FindByPhoneAsync(phones[9])).Single();
        var blocked = attempts.Single(a => a.Outcome == CampaignOutcome.Blocked && a.ContactId == listedContact.Id);
        Assert.StartsWith("do_not_call", blocked.Detail, StringComparison.Ordinal);
        var counts = await rig.Store.CampaignQueue.CountsAsync(campaignId, rig.Time.GetUtcNow());
        Assert.Equal((0L, 0L, 30L), (counts.Pending, counts.Dialing, counts.Done));
        Assert.Equal(12, counts.ByOutcome[CampaignOutcome.Answered]);
        Assert.Contains(rig.Events, e => e is CampaignStatusChanged { Status: CampaignStatus.Completed });
    }

    [Fact]
    public async Task Calls_never_exceed_the_campaigns_concurrency_nor_the_trunks_rate()
    {
        await using var rig = await DialerRig.CreateAsync();
        var phones = Enumerable.Range(0, 12).Select(i => "+86139000000" + i.ToString("00", CultureInfo.InvariantCulture)).ToList();
        var campaignId = await rig.CampaignAsync(phones, DialerRig.Settings(maxConcurrent: 4, callsPerSecond: 2));
        rig.Calls.HoldAnswered = new TaskCompletionSource();
        await rig.Campaigns.StartAsync(campaignId);
        await rig.StartDialerAsync();

        await rig.RunUntilAsync(() => Task.FromResult(rig.Calls.Dialled.Count >= 2), Tick, 20, "the first calls");
        Assert.Equal(2, rig.Calls.Dialled.Count); // the bucket holds one second's worth: 2 calls
        await rig.RunForAsync(TimeSpan.FromSeconds(3), Tick);
        Assert.Equal(4, rig.Calls.Dialled.Count); // then concurrency caps it at 4, however long it waits
        Assert.Equal(4, rig.Calls.MaxLive);

        rig.Calls.HoldAnswered.SetResult();
        await rig.RunUntilAsync(() => Task.FromResult(rig.Calls.Dialled.Count == 12 && rig.Dialer.CallsInProgress == 0), Tick, 200, "every number dialled");
        Assert.True(rig.Calls.MaxLive <= 4);
    }

    [Fact]
    public async Task Nothing_is_dialled_outside_the_campaigns_schedule_or_the_callees_hours()
    {
        await using var rig = await DialerRig.CreateAsync();
        await rig.Store.Consents.RecordAsync("+12125550100", "outbound_calls", granted: true, "signed up");
        // 17:00 in Beijing; the campaign runs 18:00-20:00 Beijing time.
        var campaignId = await rig.CampaignAsync(["+8613800000001", "+12125550100"], DialerRig.Settings(windows: "daily 18:00-20:00"));
        await rig.Campaigns.StartAsync(campaignId);
        await rig.StartDialerAsync();

        await rig.RunForAsync(TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(1));
        Assert.Empty(rig.Calls.Dialled);
        await rig.RunUntilAsync(() => Task.FromResult(!rig.Calls.Dialled.IsEmpty), TimeSpan.FromSeconds(10), 30, "the schedule opens");
        // 18:00 Beijing is 05:00 in New York: the gate defers that number (no attempt) to 08:00 New York, 13:00 UTC.
        await rig.RunForAsync(TimeSpan.FromSeconds(10), Tick);
        Assert.Equal(["+8613800000001"], rig.Calls.Dialled.Select(d => d.Destination));
        var deferred = rig.Events.OfType<AttemptSettled>().Single(e => e.Outcome == "deferred");
        Assert.Equal(("calling_hours", new DateTimeOffset(2026, 1, 5, 13, 0, 0, TimeSpan.Zero)), (deferred.Rule, deferred.NextAttemptAt));
        Assert.Single(await rig.Store.Attempts.ForCampaignAsync(campaignId, 0, 10));
    }

    [Fact]
    public async Task A_paused_campaign_places_no_new_calls_until_resumed()
    {
        await using var rig = await DialerRig.CreateAsync();
        var phones = Enumerable.Range(0, 6).Select(i => "+8613700000" + i.ToString("000", CultureInfo.InvariantCulture)).ToList();
        var campaignId = await rig.CampaignAsync(phones, DialerRig.Settings(callsPerSecond: 1));
        await rig.Campaigns.StartAsync(campaignId);
        await rig.StartDialerAsync();
        await rig.RunUntilAsync(() => Task.FromResult(!rig.Calls.Dialled.IsEmpty), Tick, 20, "a first call");
        Assert.True((await rig.Campaigns.PauseAsync(campaignId)).Succeeded);
        await rig.RunForAsync(TimeSpan.FromSeconds(2), Tick); // the dialer reads the status within a second
        var placed = rig.Calls.Dialled.Count;
        await rig.RunForAsync(TimeSpan.FromSeconds(10), Tick);
        Assert.Equal(placed, rig.Calls.Dialled.Count);
        Assert.False((await rig.Campaigns.PauseAsync(campaignId)).Succeeded);

        Assert.True((await rig.Campaigns.ResumeAsync(campaignId)).Succeeded);
        await rig.RunUntilAsync(async () => (await rig.Store.Campaigns.GetAsync(campaignId))!.Status == CampaignStatus.Completed, Tick, 200, "completion");
        Assert.Equal(6, rig.Calls.Dialled.Count);
    }
}
