using Huawu.Data;
using Huawu.Data.Accounts;
using Huawu.Server.Accounts;

namespace Huawu.Server.Security;

/// <summary>
/// Turns a presented secret (API token or session cookie) into a <see cref="Caller"/>, or nothing: revoked,
/// expired, idle, unknown and malformed secrets, and secrets of disabled or deleted users, all fail alike.
/// </summary>
internal sealed class CredentialValidator(DataStore store, AccountOptions options, TimeProvider time)
{
    // Writing "last used" on every request would turn every read into a write; once a minute is enough for
    // idle timeouts and for telling which tokens are still in use.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<Caller?> FromApiTokenAsync(string secret, CancellationToken cancellation)
    {
        if (await store.ApiTokens.FindActiveAsync(secret, cancellation) is not { } token) return null;
        if (await ActiveUserAsync(token.UserId, cancellation) is not { } user) return null;
        if (token.LastUsedAt is not { } used || time.GetUtcNow() - used >= TouchInterval) await store.ApiTokens.RecordUseAsync(token.Id, cancellation);
        return new Caller(user.Id, user.Username, user.Roles, CredentialKind.ApiToken, token.Id, token.ExpiresAt, CsrfToken: null);
    }

    public async Task<Caller?> FromSessionAsync(string secret, CancellationToken cancellation)
    {
        if (await store.Sessions.FindActiveAsync(secret, cancellation) is not { } session) return null;
        var idle = time.GetUtcNow() - session.LastSeenAt;
        if (idle >= options.SessionIdleTimeout)
        {
            await store.Sessions.EndAsync(session.Id, cancellation);
            return null;
        }
        if (await ActiveUserAsync(session.UserId, cancellation) is not { } user) return null;
        if (idle >= TouchInterval) await store.Sessions.TouchAsync(session.Id, cancellation);
        return new Caller(user.Id, user.Username, user.Roles, CredentialKind.Session, session.Id, session.ExpiresAt, CsrfTokens.For(secret));
    }

    private async Task<User?> ActiveUserAsync(long userId, CancellationToken cancellation) =>
        await store.Users.GetAsync(userId, cancellation) is { IsDisabled: false } user ? user : null;
}
