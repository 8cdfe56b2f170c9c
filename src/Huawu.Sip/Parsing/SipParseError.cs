using Huawu.Sip.Messages;

namespace Huawu.Sip.Parsing;

/// <summary>
/// Why bytes were not accepted as a SIP message. <see cref="Reason"/> is short enough to be the reason phrase of
/// a 400 (Bad Request) response (RFC 3261 §21.4.1), e.g. "Bad CSeq" or "Malformed Via".
/// </summary>
public readonly struct SipParseError
{
    internal SipParseError(string reason, bool looksLikeRequest, SipMessage? partialMessage)
    {
        Reason = reason;
        LooksLikeRequest = looksLikeRequest;
        PartialMessage = partialMessage;
    }

    public string Reason { get; }

    /// <summary>
    /// Whether the bytes looked like a request. Only a request may be answered; a bad response is dropped
    /// (RFC 4475 §3.1.2.19 "bigcode").
    /// </summary>
    public bool LooksLikeRequest { get; }

    /// <summary>
    /// The message with its headers located but not validated, when the header section itself could be read.
    /// Enough to build a 400 that copies Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2).
    /// </summary>
    public SipMessage? PartialMessage { get; }

    /// <summary>Whether a 400 response can and should be sent.</summary>
    public bool CanRespond => LooksLikeRequest && PartialMessage is not null;

    public override string ToString() => Reason;
}
