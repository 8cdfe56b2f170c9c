namespace Huawu.Server.Accounts;

/// <summary>The HMAC behind TOTP codes (RFC 6238 §1.2): SHA-1 is what authenticator apps use; the others for completeness and the RFC's vectors.</summary>
internal enum TotpAlgorithm
{
    Sha1,
    Sha256,
    Sha512,
}
