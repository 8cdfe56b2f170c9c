using System.Net;
using Huawu.Media.Clock;

namespace Huawu.Media.Streams;

/// <summary>The node's media settings: where RTP binds, which ports it may use, clock and stream defaults.</summary>
public sealed record MediaEngineOptions
{
    /// <summary>The local address RTP sockets bind to.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    public int MinimumPort { get; init; } = 10000;

    public int MaximumPort { get; init; } = 20000;

    public MediaClockOptions Clock { get; init; } = new();

    public MediaStreamOptions Stream { get; init; } = new();
}
