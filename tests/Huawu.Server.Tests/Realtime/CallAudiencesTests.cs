using Huawu.Server.Realtime;
using Huawu.Server.Tests.Api.Support;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Tests.Realtime;

public sealed class CallAudiencesTests
{
    [Fact]
    public async Task A_calls_audience_follows_its_record_when_it_changes_hands_and_is_forgotten_at_hang_up()
    {
        await using var host = await ApiHost.StartAsync();
        var audiences = new CallAudiences(host.Store);
        var call = (await host.Store.Calls.GetAsync(host.World.CurrentCall))!;
        var id = new CallId(call.CallUuid);
        var at = host.Time.GetUtcNow();

        Assert.Equal(EventAudience.Unassigned, await audiences.ForAsync(new CallRinging(new CallId("unknown"), at), default));
        Assert.Equal(0, audiences.Remembered);
        var first = await audiences.ForAsync(new CallRinging(id, at), default);
        Assert.Equal(host.World.User("agent").Id, first.AgentUserId);
        Assert.Equal([host.World.TeamA], first.TeamIds);

        // Moved to team B's agent: a ringing event keeps the remembered audience, an answer looks again.
        await host.Store.Teams.SetMemberAsync(host.World.TeamB, host.World.User("agent").Id, false);
        Assert.Equal([host.World.TeamA], (await audiences.ForAsync(new CallRinging(id, at), default)).TeamIds);
        Assert.Equal([host.World.TeamA, host.World.TeamB], (await audiences.ForAsync(new CallAnswered(id, at, "PCMU"), default)).TeamIds);

        var last = await audiences.ForAsync(new CallHungUp(id, at, HangupCause.NormalClearing, HangupSide.Remote, null, TimeSpan.Zero, TimeSpan.Zero), default);
        Assert.Equal(host.World.User("agent").Id, last.AgentUserId);
        Assert.Equal(0, audiences.Remembered);
    }

    [Fact]
    public async Task A_leg_that_joined_another_legs_record_has_that_records_audience()
    {
        await using var host = await ApiHost.StartAsync();
        var audiences = new CallAudiences(host.Store);
        var call = (await host.Store.Calls.GetAsync(host.World.CurrentCall))!;
        var joined = Assert.Single(await host.Store.Calls.LegsAsync(call.Id));
        Assert.NotEqual(call.CallUuid, joined.LegUuid);

        var audience = await audiences.ForAsync(new CallRinging(new CallId(joined.LegUuid), host.Time.GetUtcNow()), default);
        Assert.Equal(host.World.User("agent").Id, audience.AgentUserId);
        Assert.Equal([host.World.TeamA], audience.TeamIds);
    }
}
