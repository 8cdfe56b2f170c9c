using Huawu.Media.Clock;
using Huawu.Media.Transport;

namespace Huawu.Media.Streams;

/// <summary>
/// The media side of a node: one <see cref="MediaClock"/>, the RTP port range, and a factory of
/// <see cref="MediaStream"/>s bound to it. Telephony creates one per process.
/// </summary>
public sealed class MediaEngine : IDisposable
{
    private readonly MediaEngineOptions _options;

    public MediaEngine(MediaEngineOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Clock = new MediaClock(timeProvider, options.Clock);
        Ports = new RtpPortAllocator(options.MinimumPort, options.MaximumPort);
    }

    public MediaClock Clock { get; }

    public RtpPortAllocator Ports { get; }

    /// <summary>Starts the media clock.</summary>
    public void Start() => Clock.Start();

    /// <summary>Opens a stream on a free port pair; it ticks once configured. Fails with a reason when no pair can be bound.</summary>
    public RtpSocketStatus TryCreateStream(out MediaStream? stream, MediaStreamOptions? options = null)
    {
        stream = null;
        var status = RtpSocketPair.TryOpen(_options.BindAddress, Ports, out var sockets);
        if (status == RtpSocketStatus.Ok) stream = new MediaStream(Clock, sockets!, options ?? _options.Stream);
        return status;
    }

    /// <summary>Stops the clock. Streams are owned by their call legs and disposed by them.</summary>
    public void Dispose() => Clock.Dispose();
}
