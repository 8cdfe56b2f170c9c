namespace Huawu.Data.Accounts;

/// <summary>Console sessions behind the session cookie: opaque secrets stored as hashes.</summary>
public interface ISessionRepository
{
    /// <summary>Starts a session for a user, valid until <paramref name="expiresAt"/>; <see cref="DataProblem.NotFound"/> for an unknown user.</summary>
    Task<DataResult<IssuedSession>> StartAsync(long userId, DateTimeOffset expiresAt, CancellationToken cancellation = default);

    /// <summary>The session with this secret if it is neither ended nor expired (anything else, including garbage, is null).</summary>
    Task<Session?> FindActiveAsync(string secret, CancellationToken cancellation = default);

    /// <summary>Marks the session as used now (idle timeout).</summary>
    Task<bool> TouchAsync(long sessionId, CancellationToken cancellation = default);

    /// <summary>Ends one session (logout); false when it had already ended.</summary>
    Task<bool> EndAsync(long sessionId, CancellationToken cancellation = default);

    /// <summary>Ends every session of a user, except one if given (a password change keeps the session that made it).</summary>
    Task<int> EndAllAsync(long userId, long? exceptSessionId = null, CancellationToken cancellation = default);

    /// <summary>Deletes sessions that expired or ended before a time: they can never be used again.</summary>
    Task<int> PurgeAsync(DateTimeOffset endedBefore, CancellationToken cancellation = default);
}
