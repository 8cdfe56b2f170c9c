namespace Huawu.Data.Accounts;

/// <summary>API tokens: opaque secrets stored as hashes, revocable and expiring.</summary>
public interface IApiTokenRepository
{
    /// <summary>Issues a token for a user; <see cref="DataProblem.NotFound"/> for an unknown user, <see cref="DataProblem.Invalid"/> for a bad name.</summary>
    Task<DataResult<IssuedApiToken>> IssueAsync(long userId, string name, DateTimeOffset? expiresAt, CancellationToken cancellation = default);

    /// <summary>The token with this secret if it is neither revoked nor expired (anything else, including garbage, is null).</summary>
    Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellation = default);

    /// <summary>A user's tokens, newest first, including revoked and expired ones.</summary>
    Task<IReadOnlyList<ApiToken>> ListForUserAsync(long userId, CancellationToken cancellation = default);

    /// <summary>Revokes one of the user's own tokens; false when the user has no such active token.</summary>
    Task<bool> RevokeAsync(long userId, long tokenId, CancellationToken cancellation = default);

    /// <summary>Revokes every token of a user (disabled, deleted or password reset).</summary>
    Task<int> RevokeAllAsync(long userId, CancellationToken cancellation = default);

    Task<bool> RecordUseAsync(long tokenId, CancellationToken cancellation = default);
}
