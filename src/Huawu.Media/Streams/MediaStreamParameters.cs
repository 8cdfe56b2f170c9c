using System.Net;
using Huawu.Media.Codecs;

namespace Huawu.Media.Streams;

/// <summary>
/// What offer/answer settled for a stream: the codec and its payload type, the telephone-event payload type
/// if negotiated (RFC 4733 §7), the peer's RTP address (and RTCP address when SDP gives one with a=rtcp,
/// otherwise the next port), and the direction.
/// </summary>
public sealed record MediaStreamParameters(
    IAudioCodec Codec,
    byte PayloadType,
    byte? TelephoneEventPayloadType,
    IPEndPoint RemoteEndPoint,
    IPEndPoint? RemoteRtcpEndPoint = null,
    MediaDirection Direction = MediaDirection.SendReceive);
