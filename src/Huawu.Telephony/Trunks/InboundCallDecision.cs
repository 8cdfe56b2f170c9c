using Huawu.Sip.Building;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

public enum InboundCallSource
{
    /// <summary>The source address belongs to a trunk: a call from the outside world.</summary>
    Trunk,

    /// <summary>A registered phone that proved it is <see cref="InboundCallDecision.Extension"/>.</summary>
    Extension,

    /// <summary>Send <see cref="InboundCallDecision.Response"/> (407 with Proxy-Authenticate); the phone will retry.</summary>
    Challenge,

    /// <summary>Send <see cref="InboundCallDecision.Response"/> (403, or 400) and forget the request.</summary>
    Rejected,
}

/// <summary>Where a new INVITE comes from, and for a challenge or a rejection, the response to send.</summary>
public sealed record InboundCallDecision(
    InboundCallSource Source,
    TrunkOptions? Trunk,
    string? Extension,
    SipMessageBuilder? Response,
    string Reason);
