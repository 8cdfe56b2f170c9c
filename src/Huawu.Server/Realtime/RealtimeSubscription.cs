using System.Threading.Channels;
using Huawu.Server.Security;

namespace Huawu.Server.Realtime;

/// <summary>One stream's queue of events, and a token that fires when the server ends the stream.</summary>
internal sealed class RealtimeSubscription : IDisposable
{
    private readonly RealtimeHub _hub;
    private readonly Channel<RealtimeEvent> _channel;
    private readonly CancellationTokenSource _ended = new();
    private long _dropped;

    internal RealtimeSubscription(RealtimeHub hub, CallerScope viewer, int capacity)
    {
        _hub = hub;
        Viewer = viewer;
        _channel = Channel.CreateBounded<RealtimeEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public CallerScope Viewer { get; }

    public ChannelReader<RealtimeEvent> Reader => _channel.Reader;

    /// <summary>Events this stream lost because its client read too slowly.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Cancelled when the server ends the stream (<see cref="RealtimeHub.Disconnect"/>).</summary>
    public CancellationToken Ended => _ended.Token;

    internal void Offer(RealtimeEvent realtimeEvent) => _channel.Writer.TryWrite(realtimeEvent);

    internal void End()
    {
        _channel.Writer.TryComplete();
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream closed on its own meanwhile.
        }
    }

    public void Dispose()
    {
        _hub.Remove(this);
        _channel.Writer.TryComplete();
        _ended.Dispose();
    }
}
