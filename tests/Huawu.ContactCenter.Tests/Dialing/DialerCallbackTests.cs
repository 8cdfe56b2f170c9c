using System.Collections.Concurrent;
using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Dialing;
using Huawu.ContactCenter.Tests.Support;
using Huawu.Data.Campaigns;
using Huawu.Telephony.Calls;

namespace Huawu.ContactCenter.Tests.Dialing;

/// <summary>A robot call that ends asking for a callback is dialled again when promised, through the gate, within the campaign's rules.</summary>
public sealed class DialerCallbackTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_call_ending_busy_is_dialled_again_after_the_callback_delay_and_the_promise_is_on_record()
    {
        await using var rig = await DialerRig.CreateAsync();
        var settings = DialerRig.Settings() with { Callbacks = new CallbackRules { DelaySeconds = 3600 } };
        var campaignId = await rig.CampaignAsync(["+8613800000001"], settings);
        var robot = new ScriptedConversations("busy", "interested");
        await rig.Campaigns.StartAsync(campaignId);
        await rig.StartDialerAsync(robot);

        var first = await SettledAsync(rig, campaignId, 1);
        Assert.Equal((CampaignOutcome.Answered, CampaignOutcome.Callback), (first.Outcome, first.DispositionCode));
        Assert.Equal(first.EndedAt!.Value.AddHours(1), first.CallbackAt);
        Assert.Contains("'busy'", first.Detail, StringComparison.Ordinal);
        var scheduled = Assert.Single(await rig.Store.CampaignQueue.CallbacksAsync(campaignId));
        Assert.Equal((first.CallbackAt!.Value, 1, 1, CampaignOutcome.Callback), (scheduled.CallbackAt, scheduled.Attempts, scheduled.Callbacks, scheduled.LastOutcome));

        // Not a minute early (the answered attempt used to be final: nobody called back at all).
        await rig.RunForAsync(TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(1));
        Assert.Single(rig.Calls.Dialled);
        await rig.RunUntilAsync(() => Task.FromResult(rig.Calls.Dialled.Count == 2), TimeSpan.FromSeconds(10), 30, "the callback is dialled");
        var second = await SettledAsync(rig, campaignId, 2);
        Assert.True(second.CreatedAt >= first.CallbackAt);
        Assert.Equal((CampaignOutcome.Answered, "interested", null), (second.Outcome, second.DispositionCode, second.CallbackAt));
        Assert.Empty(await rig.Store.CampaignQueue.CallbacksAsync(campaignId));
        await rig.RunUntilAsync(async () => (await rig.Store.Campaigns.GetAsync(campaignId))!.Status == CampaignStatus.Completed, Tick, 20, "completed");
        Assert.Equal(2, rig.Calls.Dialled.Count);
    }

    [Fact]
    public async Task A_callback_due_at_22_00_in_beijing_goes_the_next_morning_and_the_number_gets_at_most_its_callbacks()
    {
        await using var rig = await DialerRig.CreateAsync();
        // The rig starts at 17:00 Beijing; five hours later is 22:00, after China's 21:00 close. One callback per number.
        var settings = DialerRig.Settings() with { Callbacks = new CallbackRules { DelaySeconds = 5 * 3600, MaxCallbacks = 1 } };
        var campaignId = await rig.CampaignAsync(["+8613800000002"], settings);
        var robot = new ScriptedConversations("busy", "busy");
        await rig.Campaigns.StartAsync(campaignId);
        await rig.StartDialerAsync(robot);

        var first = await SettledAsync(rig, campaignId, 1);
        var nextMorning = new DateTimeOffset(2026, 1, 6, 8, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(nextMorning, first.CallbackAt);
        Assert.Contains("moved into the calling hours", first.Detail, StringComparison.Ordinal);

        await rig.RunUntilAsync(() => Task.FromResult(rig.Calls.Dialled.Count == 2), TimeSpan.FromMinutes(10), 100, "the callback the next morning");
        Assert.True(rig.Time.GetUtcNow() >= nextMorning && rig.Time.GetUtcNow() < nextMorning.AddMinutes(11));
        var second = await SettledAsync(rig, campaignId, 2);
        // Its callback used, the second "busy" is final: answered, disposition as the robot said, no new promise.
        Assert.Equal((CampaignOutcome.Answered, "busy", null), (second.Outcome, second.DispositionCode, second.CallbackAt));
        var counts = await rig.Store.CampaignQueue.CountsAsync(campaignId, rig.Time.GetUtcNow());
        Assert.Equal((0L, 1L), (counts.Pending, counts.Done));
        await rig.RunForAsync(TimeSpan.FromHours(6), TimeSpan.FromMinutes(10));
        Assert.Equal(2, rig.Calls.Dialled.Count);
    }

    private static async Task<CallAttempt> SettledAsync(DialerRig rig, long campaignId, int number)
    {
        CallAttempt? found = null;
        await rig.RunUntilAsync(async () =>
        {
            found = (await rig.Store.Attempts.ForCampaignAsync(campaignId, 0, 10)).SingleOrDefault(a => a.AttemptNumber == number && a.Status == CallAttempt.Completed);
            return found is not null;
        }, Tick, 50, $"attempt {number} settled");
        return found!;
    }

    /// <summary>The robot's part: each answered call of a number ends with the next outcome in turn, then hangs up.</summary>
    private sealed class ScriptedConversations(params string[] outcomes) : IAnsweredCallHandler
    {
        private readonly ConcurrentDictionary<long, int> _calls = new();

        public async Task<AnsweredCallResult> HandleAsync(AnsweredCall answered, CancellationToken cancellation)
        {
            var turn = _calls.AddOrUpdate(answered.Contact.ContactId, 0, (_, n) => n + 1);
            await answered.Call.HangupAsync(HangupCause.NormalClearing);
            return new AnsweredCallResult(outcomes[Math.Min(turn, outcomes.Length - 1)]);
        }
    }
}
