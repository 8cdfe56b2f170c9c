using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;
using Huawu.Sip.Transactions;
using Huawu.Sip.Transport;
using Huawu.Sip.Validation;

namespace Huawu.Sip.Stack;

/// <summary>Everything a <see cref="SipStack"/> is configured with. The defaults suit a node on loopback.</summary>
public sealed record SipStackOptions
{
    public IReadOnlyList<SipListenerOptions> Listeners { get; init; } = [new(TransportProtocol.Udp, "127.0.0.1", 5060)];

    /// <summary>
    /// The host written in Via sent-by and Contact when it differs from the listen address (behind NAT, or
    /// listening on 0.0.0.0). Null: the listen address.
    /// </summary>
    public string? PublicAddress { get; init; }

    /// <summary>The User-Agent of requests and the Server of responses.</summary>
    public string UserAgent { get; init; } = "Huawu";

    /// <summary>
    /// Methods, option tags, body types and URI schemes the node supports: requests are judged against them (RFC
    /// 3261 §8.2) and OPTIONS answers advertise them.
    /// </summary>
    public LocalCapabilities Capabilities { get; init; } = new()
    {
        Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE", "INFO", "REFER", "NOTIFY", "MESSAGE", "REGISTER"],
        ContentTypes = ["application/sdp", "application/dtmf-relay", "message/sipfrag", "text/plain"],
    };

    /// <summary>Whether the stack answers OPTIONS itself (200 with Allow, Accept, Supported; RFC 3261 §11.2).</summary>
    public bool AnswerOptions { get; init; } = true;

    /// <summary>
    /// Server transactions kept at once; beyond it new requests get 503 with Retry-After (RFC 3261 §21.5.4). Over UDP
    /// each call leaves its INVITE (Timer L) and BYE (Timer J) transactions for 64·T1 = 32 s, so a sustained rate of
    /// R calls per second holds about 64·R of them: the default 50 000 carries about 780 calls per second.
    /// </summary>
    public int MaxServerTransactions { get; init; } = 50_000;

    /// <summary>The Retry-After of overload 503s.</summary>
    public TimeSpan OverloadRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    public SipTimerOptions Timers { get; init; } = SipTimerOptions.Default;

    public SipConnectionLimits Connections { get; init; } = SipConnectionLimits.Default;

    public SipParserOptions Parser { get; init; } = SipParserOptions.Default;

    /// <summary>
    /// Send every response to the packet's source address and port, as if each request had asked with rport (RFC
    /// 3581): for peers behind NAT that do not ask. Off by default, as RFC 3261 §18.2.2 routes by the Via.
    /// </summary>
    public bool SymmetricResponseRouting { get; init; }

    /// <summary>A SIP URI every out-of-dialog request is sent to unless it carries a Route or its own destination.</summary>
    public string? OutboundProxy { get; init; }

    /// <summary>Concurrent receive loops per UDP socket.</summary>
    public int UdpReceiveLoops { get; init; } = Math.Clamp(Environment.ProcessorCount, 2, 8);

    /// <summary>
    /// Told of exceptions thrown while handling one received message (a bug, in the stack or in a handler); the
    /// receive loop goes on. Null: they are written to the trace.
    /// </summary>
    public Action<Exception>? UnhandledException { get; init; }
}
