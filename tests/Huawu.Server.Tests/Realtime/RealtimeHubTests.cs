using Huawu.Data.Accounts;
using Huawu.Data.Calls;
using Huawu.Server.Realtime;
using Huawu.Server.Security;

namespace Huawu.Server.Tests.Realtime;

public sealed class RealtimeHubTests
{
    [Fact]
    public void Events_go_to_viewers_whose_reach_includes_the_call()
    {
        var hub = new RealtimeHub();
        using var everything = hub.Subscribe(Viewer(1, CallScope.All));
        using var teamA = hub.Subscribe(Viewer(2, new CallScope(false, null, [10])));
        using var agent = hub.Subscribe(Viewer(3, new CallScope(false, 3, [])));
        hub.Publish(Event("a", new EventAudience(3, [10])));
        hub.Publish(Event("b", new EventAudience(4, [11])));
        hub.Publish(Event("c", EventAudience.Unassigned));
        hub.Publish(Event("d", new EventAudience(null, [10, 11])));

        Assert.Equal(["a", "b", "c", "d"], Read(everything));
        Assert.Equal(["a", "d"], Read(teamA));
        Assert.Equal(["a"], Read(agent));
    }

    [Fact]
    public void A_slow_subscriber_loses_its_oldest_events_and_is_told_how_many()
    {
        var hub = new RealtimeHub(capacityPerSubscriber: 4);
        using var slow = hub.Subscribe(Viewer(1, CallScope.All));
        for (var i = 0; i < 10; i++) hub.Publish(Event(i.ToString(System.Globalization.CultureInfo.InvariantCulture), EventAudience.Unassigned));
        Assert.Equal(6, slow.Dropped);
        Assert.Equal(["6", "7", "8", "9"], Read(slow));
    }

    [Fact]
    public void Disconnecting_ends_matching_streams_and_disposing_unsubscribes()
    {
        var hub = new RealtimeHub();
        var one = hub.Subscribe(Viewer(1, CallScope.All));
        using var two = hub.Subscribe(Viewer(2, CallScope.All));
        Assert.Equal(1, hub.Disconnect(v => v.Caller.UserId == 1));
        Assert.True(one.Ended.IsCancellationRequested);
        Assert.True(one.Reader.Completion.IsCompleted);
        Assert.False(two.Ended.IsCancellationRequested);
        one.Dispose();
        Assert.Equal(1, hub.SubscriberCount);
        Assert.Equal(0, hub.Disconnect(v => v.Caller.UserId == 1));
    }

    private static CallerScope Viewer(long userId, CallScope calls) =>
        new(new Caller(userId, "u" + userId, [Role.Agent], CredentialKind.ApiToken, userId, null, null), calls, calls.Everything,
            calls.TeamIds.ToHashSet(), PersonalDataView.Masked);

    private static RealtimeEvent Event(string type, EventAudience audience) => new(type, DateTimeOffset.UnixEpoch, null, audience, _ => null);

    private static List<string> Read(RealtimeSubscription subscription)
    {
        var types = new List<string>();
        while (subscription.Reader.TryRead(out var e)) types.Add(e.Type);
        return types;
    }
}
