using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Cti;

public class CtiEventHubTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static CallRinging Ringing(int n) => new(new CallId("call-" + n), At.AddSeconds(n));

    [Fact]
    public async Task Every_subscriber_gets_every_event_in_publication_order()
    {
        var hub = new CtiEventHub();
        using var first = hub.Subscribe();
        using var second = hub.Subscribe();
        for (var i = 0; i < 10; i++) hub.Publish(Ringing(i));

        foreach (var subscription in new[] { first, second })
        {
            for (var i = 0; i < 10; i++)
                Assert.Equal(Ringing(i), await subscription.Reader.ReadAsync());
        }
    }

    [Fact]
    public void A_subscriber_sees_only_events_published_after_it_subscribed()
    {
        var hub = new CtiEventHub();
        hub.Publish(Ringing(0));
        using var late = hub.Subscribe();
        hub.Publish(Ringing(1));
        Assert.True(late.Reader.TryRead(out var only));
        Assert.Equal(Ringing(1), only);
        Assert.False(late.Reader.TryRead(out _));
    }

    [Fact]
    public void A_slow_subscriber_loses_its_oldest_events_counts_them_and_never_blocks_the_publisher()
    {
        var hub = new CtiEventHub(capacityPerSubscriber: 4);
        using var slow = hub.Subscribe();
        for (var i = 0; i < 10; i++) hub.Publish(Ringing(i)); // returns at once although nobody reads

        Assert.Equal(6, slow.Dropped);
        var kept = new List<CtiEvent>();
        while (slow.Reader.TryRead(out var e)) kept.Add(e);
        Assert.Equal(Enumerable.Range(6, 4).Select(Ringing), kept);
    }

    [Fact]
    public async Task Disposing_a_subscription_completes_its_reader_and_stops_delivery()
    {
        var hub = new CtiEventHub();
        var subscription = hub.Subscribe();
        subscription.Dispose();
        hub.Publish(Ringing(1));
        Assert.False(await subscription.Reader.WaitToReadAsync());
    }
}
