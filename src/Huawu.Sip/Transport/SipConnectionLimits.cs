using Huawu.Sip.Framing;

namespace Huawu.Sip.Transport;

/// <summary>The protections of stream transports (TCP now, TLS and WebSocket later) against broken or hostile peers.</summary>
public sealed record SipConnectionLimits
{
    public static SipConnectionLimits Default { get; } = new();

    /// <summary>Open connections kept at once, accepted and opened; beyond it new ones are refused. Default 2000.</summary>
    public int MaxConnections { get; init; } = 2000;

    /// <summary>A connection with no traffic for this long is closed. Default 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Once a message has started, it must be complete within this time or the connection is closed (slowloris). Default 10 s.</summary>
    public TimeSpan MessageDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an outgoing connection may take to open. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Header and body size limits of one message on a stream.</summary>
    public SipFramingLimits Framing { get; init; } = SipFramingLimits.Default;
}
