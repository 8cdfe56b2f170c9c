namespace Huawu.Sip.Authentication;

/// <summary>Quality of protection (RFC 7616 §3.3). <see cref="None"/> is the RFC 2069 legacy form that RFC 3261 §22.4 still allows.</summary>
public enum DigestQop
{
    None,
    Auth,
    AuthInt,
}
