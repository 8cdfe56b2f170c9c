using System.Threading.Channels;

namespace Huawu.Telephony.Cti;

/// <summary>
/// Fans CTI events out to every subscriber (agent desktops, the wallboard, call recording of events, tests).
/// Publishing never blocks a call: each subscriber has a bounded queue, and a subscriber that falls behind
/// loses its oldest events and is told how many it lost, rather than slowing the calls down.
/// </summary>
public sealed class CtiEventHub
{
    private readonly object _gate = new();
    private readonly int _capacity;
    // Copy-on-write: publishing (every call event) reads without a lock; subscribing is rare.
    private CtiSubscription[] _subscribers = [];

    public CtiEventHub(int capacityPerSubscriber = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPerSubscriber, 1);
        _capacity = capacityPerSubscriber;
    }

    public void Publish(CtiEvent cti)
    {
        ArgumentNullException.ThrowIfNull(cti);
        foreach (var subscription in Volatile.Read(ref _subscribers)) subscription.Offer(cti);
    }

    /// <summary>Starts receiving every event published from now on; dispose the subscription to stop.</summary>
    public CtiSubscription Subscribe()
    {
        var subscription = new CtiSubscription(this, _capacity);
        lock (_gate) Volatile.Write(ref _subscribers, [.. _subscribers, subscription]);
        return subscription;
    }

    internal void Remove(CtiSubscription subscription)
    {
        lock (_gate) Volatile.Write(ref _subscribers, _subscribers.Where(s => s != subscription).ToArray());
    }
}

/// <summary>One subscriber's view of the event stream.</summary>
public sealed class CtiSubscription : IDisposable
{
    private readonly CtiEventHub _hub;
    private readonly Channel<CtiEvent> _channel;
    private long _dropped;

    internal CtiSubscription(CtiEventHub hub, int capacity)
    {
        _hub = hub;
        _channel = Channel.CreateBounded<CtiEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public ChannelReader<CtiEvent> Reader => _channel.Reader;

    /// <summary>Events this subscriber lost because it read too slowly.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal void Offer(CtiEvent cti) => _channel.Writer.TryWrite(cti);

    public void Dispose()
    {
        _hub.Remove(this);
        _channel.Writer.TryComplete();
    }
}
