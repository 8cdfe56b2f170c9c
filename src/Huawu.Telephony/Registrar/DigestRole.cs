using Huawu.Sip.Headers;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// Which pair of headers a digest exchange uses: a registrar (UAS) challenges with 401 and WWW-Authenticate
/// (RFC 3261 §22.2), an element guarding onward calls with 407 and Proxy-Authenticate (§22.3).
/// </summary>
internal sealed record DigestRole(int ChallengeStatus, HeaderId ChallengeHeader, HeaderId CredentialsHeader)
{
    public static DigestRole Registrar { get; } = new(401, HeaderId.WwwAuthenticate, HeaderId.Authorization);

    public static DigestRole Proxy { get; } = new(407, HeaderId.ProxyAuthenticate, HeaderId.ProxyAuthorization);
}
