namespace Huawu.Sip.Authentication;

public enum DigestVerificationStatus
{
    Authenticated,

    /// <summary>Right password, expired or unknown nonce: challenge again with stale=true (RFC 7616 §3.3).</summary>
    StaleNonce,

    /// <summary>Wrong password, unknown user, wrong realm, or an algorithm or qop we did not offer: challenge again or answer 403.</summary>
    InvalidCredentials,

    /// <summary>An nc already used with this nonce (RFC 7616 §3.4: the server detects replays by nc).</summary>
    Replayed,

    /// <summary>The Digest value cannot be read: challenge again (or 400 Bad Request).</summary>
    Malformed,

    /// <summary>Not the Digest scheme, e.g. RFC 4475 §3.3.7 "NoOneKnowsThisScheme": challenge again.</summary>
    UnsupportedScheme,
}

/// <summary>The outcome of checking one <c>Authorization</c> value; every status but Authenticated means "challenge".</summary>
public readonly record struct DigestVerification(DigestVerificationStatus Status, string? Username, string Reason)
{
    public bool IsAuthenticated => Status == DigestVerificationStatus.Authenticated;
}
