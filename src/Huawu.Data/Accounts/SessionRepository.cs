using Huawu.Data.Storage;

namespace Huawu.Data.Accounts;

internal sealed class SessionRepository(StoreContext context) : ISessionRepository
{
    private const string SelectSessions = "SELECT id, user_id, created_at, last_seen_at, expires_at, revoked_at FROM sessions";

    private Database Database => context.Database;

    public async Task<DataResult<IssuedSession>> StartAsync(long userId, DateTimeOffset expiresAt, CancellationToken cancellation = default)
    {
        var secret = SecretTokens.Generate(SecretTokens.SessionPrefix);
        var hash = SecretTokens.Hash(secret);
        var now = context.NowMs;
        var expires = UnixTime.ToMs(expiresAt);
        var id = await Database.WriteAsync((c, t) => c.Scalar<long?>("""
            INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
            SELECT id, @hash, @now, @now, @expires FROM users WHERE id = @userId
            RETURNING id
            """, new { userId, hash, now, expires }, t, cancellation), cancellation);
        return id is { } sessionId
            ? DataResult.Ok(new IssuedSession(new Session(sessionId, userId, UnixTime.FromMs(now), UnixTime.FromMs(now), expiresAt, null), secret))
            : DataResult.Fail<IssuedSession>(DataProblem.NotFound, "no such user");
    }

    public async Task<Session?> FindActiveAsync(string secret, CancellationToken cancellation = default)
    {
        if (!SecretTokens.HasShape(secret, SecretTokens.SessionPrefix)) return null;
        var hash = SecretTokens.Hash(secret);
        var now = context.NowMs;
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(
            SelectSessions + " WHERE token_hash = @hash AND revoked_at IS NULL AND expires_at > @now", new { hash, now }, null, cancellation),
            cancellation);
        return row?.ToSession();
    }

    public Task<bool> TouchAsync(long sessionId, CancellationToken cancellation = default) =>
        Update("UPDATE sessions SET last_seen_at = @now WHERE id = @sessionId AND revoked_at IS NULL", new { sessionId, now = context.NowMs },
            cancellation);

    public Task<bool> EndAsync(long sessionId, CancellationToken cancellation = default) =>
        Update("UPDATE sessions SET revoked_at = @now WHERE id = @sessionId AND revoked_at IS NULL", new { sessionId, now = context.NowMs },
            cancellation);

    public Task<int> EndAllAsync(long userId, long? exceptSessionId = null, CancellationToken cancellation = default) =>
        Database.WriteAsync((c, t) => c.Exec("""
            UPDATE sessions SET revoked_at = @now
            WHERE user_id = @userId AND revoked_at IS NULL AND (@except IS NULL OR id <> @except)
            """, new { userId, except = exceptSessionId, now = context.NowMs }, t, cancellation), cancellation);

    public Task<int> PurgeAsync(DateTimeOffset endedBefore, CancellationToken cancellation = default) =>
        Database.WriteAsync((c, t) => c.Exec("DELETE FROM sessions WHERE expires_at < @before OR revoked_at < @before",
            new { before = UnixTime.ToMs(endedBefore) }, t, cancellation), cancellation);

    private Task<bool> Update(string sql, object parameters, CancellationToken cancellation) =>
        Database.WriteAsync(async (c, t) => await c.Exec(sql, parameters, t, cancellation) > 0, cancellation);

    private sealed class Row
    {
        public long Id { get; set; }

        public long UserId { get; set; }

        public long CreatedAt { get; set; }

        public long LastSeenAt { get; set; }

        public long ExpiresAt { get; set; }

        public long? RevokedAt { get; set; }

        public Session ToSession() => new(Id, UserId, UnixTime.FromMs(CreatedAt), UnixTime.FromMs(LastSeenAt), UnixTime.FromMs(ExpiresAt),
            UnixTime.FromMs(RevokedAt));
    }
}
