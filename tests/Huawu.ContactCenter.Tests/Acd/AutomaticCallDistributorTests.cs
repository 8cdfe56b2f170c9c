using Huawu.ContactCenter.Acd;
using Huawu.Media.Dsp;
using Huawu.Robot.Runtime;
using Huawu.Telephony.Calls;

namespace Huawu.ContactCenter.Tests.Acd;

/// <summary>
/// The ACD's routing on fake time: who is offered a waiting call and in which order (free members — registered, on no call —
/// the one idle longest first), how long each offer rings before the next, and when the wait ends.
/// </summary>
public sealed class AutomaticCallDistributorTests
{
    [Fact]
    public async Task Members_are_offered_the_call_one_at_a_time_idle_longest_first_each_for_the_ring_time()
    {
        var rig = new AcdRig(AcdRig.Queue(members: ["1001", "1002", "1003"]), "1001", "1002", "1003");
        rig.Talked("1001", TimeSpan.FromMinutes(5));
        rig.Talked("1002", TimeSpan.FromMinutes(10));
        var start = rig.Time.GetUtcNow();

        var waiting = rig.ConnectAsync();
        await rig.OffersAsync(1);
        rig.Advance(15);
        await rig.OffersAsync(2);
        rig.Advance(15);
        await rig.OffersAsync(3);
        var agent = rig.Phones.Answer("1001", rig.Caller.From);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        // 1003 has not talked since the ACD started watching; 1002 finished ten minutes ago, 1001 five.
        Assert.Equal(["1003", "1002", "1001"], rig.Phones.Offers.Select(o => o.Extension));
        Assert.Equal([start, start.AddSeconds(15), start.AddSeconds(30)], rig.Phones.Offers.Select(o => o.At));
        Assert.All(rig.Phones.Offers, o => Assert.Equal(TimeSpan.FromSeconds(15), o.Request.RingTimeout));
        Assert.All(rig.Phones.Offers, o => Assert.Equal(rig.Caller.Id, o.Request.OnBehalfOf));
        Assert.All(rig.Phones.Offers, o => Assert.Equal("+8613800138000", o.Request.CallerId));
        Assert.Equal(HandOffOutcome.Answered, result.Outcome);
        Assert.Same(agent, result.Agent);
        Assert.Equal("1001", result.Extension);
        // Each agent's screen popped before the phone rang.
        Assert.Equal([("1003", false), ("1002", false), ("1001", false)], rig.Popped);
    }

    [Fact]
    public async Task Unregistered_and_busy_members_are_skipped_and_one_that_becomes_free_is_offered_next()
    {
        var rig = new AcdRig(AcdRig.Queue(members: ["1001", "1002", "1003"]), "1002", "1003");
        var call = rig.Busy("1002");

        var waiting = rig.ConnectAsync();
        await rig.OffersAsync(1);
        rig.Hangs(call);
        rig.Advance(15);
        await rig.OffersAsync(2);
        rig.Phones.Answer("1002", rig.Caller.From);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        // 1001 has no phone registered; 1002 was on a call at first, and free once it ended.
        Assert.Equal(["1003", "1002"], rig.Phones.Offers.Select(o => o.Extension));
        Assert.Equal("1002", result.Extension);
    }

    [Fact]
    public async Task The_caller_hears_ringback_while_waiting_and_it_stops_once_an_agent_answers()
    {
        var rig = new AcdRig(AcdRig.Queue(members: ["1001"]), "1001");
        var waiting = rig.ConnectAsync();
        await rig.OffersAsync(1);
        Assert.Equal(1, Volatile.Read(ref rig.Caller.Playing));
        Assert.IsType<ToneGenerator>(Assert.Single(rig.Caller.Played));
        rig.Phones.Answer("1001", rig.Caller.From);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Volatile.Read(ref rig.Caller.Playing));
    }

    [Fact]
    public async Task The_wait_ends_at_the_queues_limit_with_nobody_answering_the_last_offer_cut_short()
    {
        var rig = new AcdRig(AcdRig.Queue(maxWaitSeconds: 40, members: ["1001"]), "1001");
        var start = rig.Time.GetUtcNow();
        var waiting = rig.ConnectAsync(maxWaitSeconds: 60);
        await rig.OffersAsync(1);
        rig.Advance(15);
        // The only member had its turn: offered again in the next round, after the pause between rounds.
        await AcdRig.UntilAsync(() => rig.Time.ArmedTimerCount > 1, "the pause between rounds");
        rig.Advance(1);
        await rig.OffersAsync(2);
        rig.Advance(15);
        await AcdRig.UntilAsync(() => rig.Time.ArmedTimerCount > 1, "the pause between rounds");
        rig.Advance(1);
        await rig.OffersAsync(3);
        Assert.False(waiting.IsCompleted);
        rig.Advance(8);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HandOffOutcome.NoAnswer, result.Outcome);
        Assert.Null(result.Agent);
        Assert.Contains("within 40 s", result.Reason, StringComparison.Ordinal);
        Assert.Equal([start, start.AddSeconds(16), start.AddSeconds(32)], rig.Phones.Offers.Select(o => o.At));
        // The third offer may ring only until the wait is over.
        Assert.Equal(TimeSpan.FromSeconds(8), rig.Phones.Offers.Last().Request.RingTimeout);
        Assert.Equal(0, Volatile.Read(ref rig.Caller.Playing));
    }

    [Fact]
    public async Task A_shorter_script_no_answer_time_wins_and_with_nobody_free_the_wait_ends_without_an_offer()
    {
        var rig = new AcdRig(AcdRig.Queue(maxWaitSeconds: 60, members: ["1001", "alice"]));
        rig.Agents["alice"] = "1002";
        var waiting = rig.ConnectAsync(maxWaitSeconds: 20);
        for (var second = 0; second < 19; second++)
        {
            await AcdRig.UntilAsync(() => rig.Time.ArmedTimerCount > 1, "the next look for a free member");
            rig.Advance(1);
        }
        Assert.False(waiting.IsCompleted);
        rig.Advance(1);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HandOffOutcome.NoAnswer, result.Outcome);
        Assert.Contains("within 20 s (0 offers)", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Phones.Offers);
    }

    [Fact]
    public async Task Agents_are_rung_at_the_extension_the_directory_gives_them()
    {
        var rig = new AcdRig(AcdRig.Queue(members: ["alice", "bob"]), "2001", "2002");
        rig.Agents["alice"] = "2001";
        rig.Agents["bob"] = "2002";
        rig.Talked("2001", TimeSpan.FromMinutes(1));
        var waiting = rig.ConnectAsync();
        await rig.OffersAsync(1);
        rig.Phones.Answer("2002", rig.Caller.From);
        Assert.Equal("2002", (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Extension);
    }

    [Fact]
    public async Task Ring_all_offers_every_free_member_at_once_and_the_first_to_answer_stops_the_others()
    {
        var rig = new AcdRig(AcdRig.Queue(QueueStrategy.RingAll, members: ["1001", "1002", "1003"]), "1001", "1002", "1003");
        rig.Busy("1003");
        var waiting = rig.ConnectAsync();
        await rig.OffersAsync(2);
        rig.Phones.Answer("1002", rig.Caller.From);
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["1001", "1002"], rig.Phones.Offers.Select(o => o.Extension).Order());
        Assert.Equal("1002", result.Extension);
        Assert.False(rig.Phones.IsRinging("1001"));
    }

    [Fact]
    public async Task A_caller_who_leaves_ends_the_wait_and_the_ringing()
    {
        var rig = new AcdRig(AcdRig.Queue(members: ["1001"]), "1001");
        var waiting = rig.ConnectAsync();
        await rig.OffersAsync(1);
        await rig.Caller.HangupAsync();
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HandOffOutcome.Failed, result.Outcome);
        Assert.Contains("caller left", result.Reason, StringComparison.Ordinal);
        Assert.False(rig.Phones.IsRinging("1001"));
    }

    [Fact]
    public async Task A_member_talking_to_one_queue_caller_is_not_offered_the_next_until_that_call_ends()
    {
        var rig = new AcdRig(AcdRig.Queue(members: ["1001", "1002"]), "1001", "1002");
        var first = rig.ConnectAsync();
        await rig.OffersAsync(1);
        var firstAgent = rig.Phones.Answer(rig.Phones.Offers.Single().Extension, "first");
        Assert.Equal("1001", (await first.WaitAsync(TimeSpan.FromSeconds(10))).Extension);

        // No CTI event says 1001 is busy here: the ACD's own hand-off keeps it engaged until the agent's call ends.
        var second = rig.ConnectAsync();
        await rig.OffersAsync(2);
        Assert.Equal("1002", rig.Phones.Offers.Last().Extension);
        await firstAgent.HangupAsync();
        rig.Advance(15);
        await rig.OffersAsync(3);
        Assert.Equal("1001", rig.Phones.Offers.Last().Extension);
        rig.Phones.Answer("1001", "second");
        Assert.Equal("1001", (await second.WaitAsync(TimeSpan.FromSeconds(10))).Extension);
    }

    [Fact]
    public void Unknown_queues_are_not_contained_and_names_are_matched_without_case()
    {
        var rig = new AcdRig(AcdRig.Queue(members: ["1001"]));
        Assert.True(rig.Acd.Contains("SALES"));
        Assert.False(rig.Acd.Contains("support"));
    }
}
