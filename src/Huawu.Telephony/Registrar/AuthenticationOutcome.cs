namespace Huawu.Telephony.Registrar;

internal enum AuthenticationStatus
{
    Authenticated,

    /// <summary>Answer with a fresh challenge (stale=true when <see cref="AuthenticationOutcome.Stale"/>).</summary>
    Challenge,

    /// <summary>The digest was checked and is wrong: answer 403.</summary>
    Forbidden,

    /// <summary>The credentials name another URI than the request: answer 400 (RFC 2617 §3.2.2.5).</summary>
    BadRequest,
}

/// <summary>The result of checking a request's digest credentials; <see cref="Username"/> is set once authenticated.</summary>
internal readonly record struct AuthenticationOutcome(AuthenticationStatus Status, string? Username, bool Stale, string Reason)
{
    public static AuthenticationOutcome Challenge(string reason, bool stale = false) => new(AuthenticationStatus.Challenge, null, stale, reason);
}
