namespace Huawu.Sip.Validation;

/// <summary>The part the element plays for a request, which decides the checks that apply.</summary>
public enum RequestRole
{
    /// <summary>The request ends here (RFC 3261 §8.2): Require is checked, Proxy-Require ignored.</summary>
    UserAgentServer,

    /// <summary>
    /// A UAS that continues the call on another leg: UAS checks, plus Max-Forwards 0 is answered 483 so loops
    /// through B2BUAs end (RFC 7332 §3).
    /// </summary>
    BackToBackUserAgent,

    /// <summary>A proxy relaying the request (RFC 3261 §16.3): Proxy-Require and Max-Forwards are checked.</summary>
    Proxy,
}
