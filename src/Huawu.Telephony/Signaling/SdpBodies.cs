using Huawu.Sip.Messages;
using Huawu.Telephony.Sdp;

namespace Huawu.Telephony.Signaling;

/// <summary>What a SIP message's body holds for offer/answer.</summary>
internal enum SdpBody
{
    /// <summary>No body: an INVITE without offer (the offer then goes in our 2xx, RFC 3261 §13.2.1).</summary>
    None,

    Valid,

    /// <summary>A body that is not SDP, or SDP that does not parse.</summary>
    Invalid,
}

/// <summary>Reads and writes application/sdp bodies (RFC 3261 §13.2.1, RFC 3264).</summary>
internal static class SdpBodies
{
    public const string ContentType = "application/sdp";

    public static SdpBody Read(SipMessage message, out SessionDescription? description)
    {
        description = null;
        if (message.Body.IsEmpty) return SdpBody.None;
        if (!message.TryGetContentType(out var type) || !type.Matches("application/sdp"u8)) return SdpBody.Invalid;
        return SessionDescription.TryParse(message.Body.Span, out description, out _) ? SdpBody.Valid : SdpBody.Invalid;
    }
}
