namespace Huawu.Data.Accounts;

/// <summary>A console sign-in. It ends when revoked (logout, password change), at <see cref="ExpiresAt"/>, or when idle too long (the server's rule).</summary>
public sealed record Session(
    long Id,
    long UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt);

/// <summary>A session just started, with the secret for the cookie; only its hash is stored.</summary>
public sealed record IssuedSession(Session Session, string Secret);
