namespace Huawu.Telephony.Sdp;

/// <summary>
/// A stream's direction (RFC 4566 §6, RFC 3264 §5.1). In an SDP it is the author's own view: "sendonly"
/// means "I only send". In <see cref="NegotiatedAudio"/> it is our view of the negotiated stream.
/// </summary>
public enum MediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
