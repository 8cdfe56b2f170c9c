namespace Huawu.Data.Accounts;

/// <summary>An API token for an integration, acting as its user. The secret itself is never stored or shown again.</summary>
public sealed record ApiToken(
    long Id,
    long UserId,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expiry || expiry > now);
}

/// <summary>A token just issued, with its secret: the only time the secret exists outside its holder.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);
