namespace Huawu.Sip.Authentication;

public enum DigestClientStatus
{
    /// <summary>The header value is ready to send.</summary>
    Authorized,

    /// <summary>No challenge uses the Digest scheme with an algorithm and qop this stack implements.</summary>
    NoSupportedChallenge,

    /// <summary>
    /// The server challenged again with the nonce we already answered and without stale=true, so it
    /// rejected the password (RFC 7616 §3.3: stale=false means "retry with new credentials"); do not retry.
    /// </summary>
    CredentialsRejected,
}

/// <summary>The outcome of answering a challenge; <see cref="Authorization"/> is set when <see cref="Status"/> is Authorized.</summary>
public readonly record struct DigestClientResult(DigestClientStatus Status, string? Authorization, string? Realm)
{
    public bool IsAuthorized => Status == DigestClientStatus.Authorized;
}
