using Huawu.Sip.Authentication;

namespace Huawu.Sip.Stack;

/// <summary>How one out-of-dialog request is sent.</summary>
public sealed record SipSendOptions
{
    public static SipSendOptions Default { get; } = new();

    /// <summary>
    /// Where to send the request instead of the address its Route or Request-URI names, as a SIP URI
    /// ("sip:10.0.0.5:5060;transport=tcp"): a trunk's proxy, a registrar. Overrides the stack's outbound proxy.
    /// </summary>
    public string? Destination { get; init; }

    /// <summary>
    /// Answers a 401/407 by resending the request with credentials (RFC 3261 §22.2), as often as the client has a
    /// new challenge to answer and at most <see cref="MaxAuthenticationAttempts"/> times.
    /// </summary>
    public DigestClient? Credentials { get; init; }

    public int MaxAuthenticationAttempts { get; init; } = 2;
}
