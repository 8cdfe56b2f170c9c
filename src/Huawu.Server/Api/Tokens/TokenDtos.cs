using Huawu.Data.Accounts;
using Huawu.Server.Api.Auditing;

namespace Huawu.Server.Api.Tokens;

public sealed record TokenRequest(string? Name, int? ExpiresInDays);

public sealed record TokenResponse(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt, bool Active)
{
    internal static TokenResponse From(ApiToken token, DateTimeOffset now) =>
        new(token.Id, token.Name, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt, token.IsActiveAt(now));
}

/// <summary>A token just created. <see cref="Token"/> is shown this once and never again: store it now.</summary>
public sealed record NewTokenResponse(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Token) : IAuditTarget
{
    string IAuditTarget.AuditId => Ids.Text(Id);
}
