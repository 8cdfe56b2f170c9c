using System.Net;

namespace Huawu.Telephony.Sdp;

/// <summary>What our audio endpoint can do and where it listens.</summary>
public sealed class AudioEndpointOptions
{
    /// <summary>The address written in o= and c=, where we receive RTP.</summary>
    public required IPAddress Address { get; init; }

    /// <summary>Our RTP port; RTCP is on the next one (RFC 3550 §11).</summary>
    public required int RtpPort { get; init; }

    /// <summary>Codecs in our order of preference (PCMU, then PCMA by default).</summary>
    public IReadOnlyList<AudioCodec> Codecs { get; init; } = [AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>The dynamic payload type we offer for RFC 4733 telephone-event; null offers no DTMF events.</summary>
    public int? TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>The events we take (RFC 4733 §2.4.1): the 16 DTMF digits and flash.</summary>
    public string TelephoneEvents { get; init; } = "0-16";

    /// <summary>The packet time we ask for and send by default, in milliseconds (a=ptime).</summary>
    public int PacketTime { get; init; } = 20;

    /// <summary>The o= session id; random when not set (RFC 4566 §5.2 wants it globally unique).</summary>
    public ulong? SessionId { get; init; }

    /// <summary>The o= username; "-" when the host has no user ids (RFC 4566 §5.2).</summary>
    public string Username { get; init; } = "-";
}
