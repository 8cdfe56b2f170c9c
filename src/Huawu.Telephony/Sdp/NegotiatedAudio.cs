using System.Net;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// The agreed audio stream, seen from our side: where to send RTP and RTCP, with which payload types,
/// at which packet time, and in which directions (<see cref="Direction"/> "SendOnly" = we send only).
/// </summary>
public sealed record NegotiatedAudio(
    IPEndPoint RemoteRtp,
    IPEndPoint RemoteRtcp,
    AudioCodec Codec,
    int? TelephoneEventPayloadType,
    int PacketTime,
    MediaDirection Direction,
    int LocalRtpPort)
{
    /// <summary>Whether we may send RTP: false while the peer holds us or asked for 0.0.0.0 (RFC 3264 §8.4).</summary>
    public bool CanSend => Direction.CanSend();

    /// <summary>Whether the peer will send RTP that we should play out.</summary>
    public bool CanReceive => Direction.CanReceive();
}
