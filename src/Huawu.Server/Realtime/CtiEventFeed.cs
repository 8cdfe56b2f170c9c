using System.Data.Common;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Realtime;

/// <summary>
/// Carries the telephony layer's CTI events into the realtime hub for as long as the node runs, each addressed to
/// the call's audience. Reads from its own hub subscription, so a slow database lookup never holds up a call.
/// </summary>
internal sealed class CtiEventFeed(CtiEventHub cti, RealtimeHub realtime, CallAudiences audiences, ILogger<CtiEventFeed> logger) : BackgroundService
{
    private CtiSubscription? _subscription;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before the node serves anything, so no event of the first calls is missed.
        _subscription = cti.Subscribe();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _subscription!.Reader;
        long reportedDrops = 0;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (reader.TryRead(out var cti))
                {
                    realtime.Publish(CtiEventPayloads.ToRealtime(cti, await AudienceAsync(cti, stoppingToken)));
                }
                if (_subscription.Dropped != reportedDrops)
                {
                    reportedDrops = _subscription.Dropped;
                    logger.LogWarning("The realtime feed fell behind the CTI events and lost {Dropped} so far", reportedDrops);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    private async ValueTask<EventAudience> AudienceAsync(CtiEvent cti, CancellationToken cancellation)
    {
        try
        {
            return await audiences.ForAsync(cti, cancellation);
        }
        catch (DbException e)
        {
            // Fails closed: without the call record, only those who see every call get the event.
            logger.LogWarning(e, "Cannot look up who may see call {CallId}; sending its event to full-access viewers only", cti.CallId);
            return EventAudience.Unassigned;
        }
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }
}
