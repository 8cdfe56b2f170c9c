using System.Net;
using Huawu.Media.Streams;
using Huawu.Sip.Stack;
using Huawu.Telephony.Audio;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Transfers;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

/// <summary>What every call leg of a node shares: the SIP stack, the media engine, the event hub and the clock.</summary>
internal sealed class LegServices
{
    public required SipStack Stack { get; init; }

    public required MediaEngine Media { get; init; }

    public required CtiEventHub Events { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>The address our SDP names for RTP (c= and o=).</summary>
    public required IPAddress MediaAddress { get; init; }

    /// <summary>host:port where others reach this node's SIP (for URIs we hand out, e.g. a REFER target).</summary>
    public required Func<string> SignallingHost { get; init; }

    /// <summary>Guards what joins legs together (bridges, conferences): rare changes, so one gate per node is enough.</summary>
    public Lock AttachmentGate { get; } = new();

    /// <summary>What bridged parties hear while one of them is held.</summary>
    public required HoldMusic HoldMusic { get; init; }

    /// <summary>Hands a bridged party to a new destination when its partner's phone sends REFER.</summary>
    public required CallTransfers Transfers { get; init; }

    /// <summary>Told once when a leg has ended, so the node forgets it.</summary>
    public required Action<CallLeg> OnEnded { get; init; }
}
