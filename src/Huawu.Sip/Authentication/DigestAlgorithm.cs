namespace Huawu.Sip.Authentication;

/// <summary>
/// The digest algorithms SIP uses: RFC 7616 §3.3 names them, RFC 8760 §2 brings SHA-256 to SIP.
/// The "-sess" variants hash the nonce and cnonce into HA1 (RFC 7616 §3.4.2).
/// </summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}
