using Huawu.ContactCenter.Acd;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.ContactCenter.Tests.Acd;

/// <summary>Who is on a call, and idle since when, as the ACD reads it from the CTI stream.</summary>
public sealed class AgentActivityTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Legs_to_and_from_an_extension_keep_it_busy_until_they_end_and_only_talk_resets_its_idle_time()
    {
        var activity = new AgentActivity(Start);
        var rung = CallId.New();
        var own = CallId.New();
        activity.Observe(new CallCreated(rung, Start.AddMinutes(1), CallDirection.Outbound, "+8613800138000", "1001", null));
        activity.Observe(new CallCreated(own, Start.AddMinutes(1), CallDirection.Inbound, "1001", "+8613900139000", null));
        // A trunk call's number is no extension, whatever it looks like.
        activity.Observe(new CallCreated(CallId.New(), Start.AddMinutes(1), CallDirection.Outbound, "huawu", "1002", "carrier"));
        Assert.True(activity.IsOnCall("1001"));
        Assert.False(activity.IsOnCall("1002"));

        activity.Observe(new CallHungUp(rung, Start.AddMinutes(2), HangupCause.NoAnswer, HangupSide.Local, 487, TimeSpan.FromMinutes(1), TimeSpan.Zero));
        Assert.True(activity.IsOnCall("1001"));
        Assert.Equal(Start, activity.IdleSince("1001"));
        activity.Observe(new CallHungUp(own, Start.AddMinutes(5), HangupCause.NormalClearing, HangupSide.Remote, null, TimeSpan.Zero, TimeSpan.FromMinutes(4)));
        Assert.False(activity.IsOnCall("1001"));
        Assert.Equal(Start.AddMinutes(5), activity.IdleSince("1001"));
    }

    [Fact]
    public void A_leg_whose_end_was_lost_stops_counting_once_the_node_no_longer_has_it()
    {
        var live = new HashSet<CallId>();
        var activity = new AgentActivity(Start, live.Contains);
        var leg = CallId.New();
        live.Add(leg);
        activity.Observe(new CallCreated(leg, Start, CallDirection.Outbound, "caller", "1001", null));
        Assert.True(activity.IsOnCall("1001"));
        live.Remove(leg);
        Assert.False(activity.IsOnCall("1001"));
    }
}
