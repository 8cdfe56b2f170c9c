using Huawu.Server.Security;

namespace Huawu.Server.Realtime;

/// <summary>
/// Fans realtime events out to the connected streams, each receiving only events its viewer may see. Publishing
/// never blocks: each subscription has a bounded queue that drops its oldest events when the client falls behind
/// (and says how many it lost).
/// </summary>
internal sealed class RealtimeHub(int capacityPerSubscriber = RealtimeHub.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    private readonly object _gate = new();
    // Copy-on-write: publishing (every call event) reads without a lock; subscribing is rare.
    private RealtimeSubscription[] _subscriptions = [];

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    public RealtimeSubscription Subscribe(CallerScope viewer)
    {
        var subscription = new RealtimeSubscription(this, viewer, capacityPerSubscriber);
        lock (_gate) Volatile.Write(ref _subscriptions, [.. _subscriptions, subscription]);
        return subscription;
    }

    public void Publish(RealtimeEvent realtimeEvent)
    {
        ArgumentNullException.ThrowIfNull(realtimeEvent);
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (realtimeEvent.Audience.Includes(subscription.Viewer)) subscription.Offer(realtimeEvent);
        }
    }

    /// <summary>Ends the streams whose viewer matches (signed out, token revoked, roles or teams changed): clients reconnect under the new state.</summary>
    public int Disconnect(Func<CallerScope, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var ended = 0;
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (!matches(subscription.Viewer)) continue;
            subscription.End();
            ended++;
        }
        return ended;
    }

    internal void Remove(RealtimeSubscription subscription)
    {
        lock (_gate) Volatile.Write(ref _subscriptions, _subscriptions.Where(s => s != subscription).ToArray());
    }
}
