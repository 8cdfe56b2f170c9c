using Huawu.Data.Storage;

namespace Huawu.Data.Accounts;

internal sealed class ApiTokenRepository(StoreContext context) : IApiTokenRepository
{
    private const string SelectTokens = "SELECT id, user_id, name, created_at, expires_at, revoked_at, last_used_at FROM api_tokens";

    private Database Database => context.Database;

    public async Task<DataResult<IssuedApiToken>> IssueAsync(long userId, string name, DateTimeOffset? expiresAt, CancellationToken cancellation = default)
    {
        if (!ShortNames.TryNormalize(name, out var trimmed)) return DataResult.Fail<IssuedApiToken>(DataProblem.Invalid, "name: " + ShortNames.Rule);
        var secret = SecretTokens.Generate(SecretTokens.ApiTokenPrefix);
        var hash = SecretTokens.Hash(secret);
        var now = context.NowMs;
        var expires = UnixTime.ToMs(expiresAt);
        var id = await Database.WriteAsync((c, t) => c.Scalar<long?>("""
            INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at)
            SELECT id, @trimmed, @hash, @now, @expires FROM users WHERE id = @userId
            RETURNING id
            """, new { userId, trimmed, hash, now, expires }, t, cancellation), cancellation);
        return id is { } tokenId
            ? DataResult.Ok(new IssuedApiToken(new ApiToken(tokenId, userId, trimmed, UnixTime.FromMs(now), expiresAt, null, null), secret))
            : DataResult.Fail<IssuedApiToken>(DataProblem.NotFound, "no such user");
    }

    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellation = default)
    {
        if (!SecretTokens.HasShape(secret, SecretTokens.ApiTokenPrefix)) return null;
        var hash = SecretTokens.Hash(secret);
        var now = context.NowMs;
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(
            SelectTokens + " WHERE token_hash = @hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)",
            new { hash, now }, null, cancellation), cancellation);
        return row?.ToToken();
    }

    public async Task<IReadOnlyList<ApiToken>> ListForUserAsync(long userId, CancellationToken cancellation = default) =>
        [.. (await Database.ReadAsync(c => c.List<Row>(SelectTokens + " WHERE user_id = @userId ORDER BY id DESC", new { userId }, null, cancellation),
            cancellation)).Select(r => r.ToToken())];

    public Task<bool> RevokeAsync(long userId, long tokenId, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) => await c.Exec(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @tokenId AND user_id = @userId AND revoked_at IS NULL",
            new { tokenId, userId, now = context.NowMs }, t, cancellation) > 0, cancellation);

    public Task<int> RevokeAllAsync(long userId, CancellationToken cancellation = default) =>
        Database.WriteAsync((c, t) => c.Exec("UPDATE api_tokens SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL",
            new { userId, now = context.NowMs }, t, cancellation), cancellation);

    public Task<bool> RecordUseAsync(long tokenId, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) => await c.Exec("UPDATE api_tokens SET last_used_at = @now WHERE id = @tokenId",
            new { tokenId, now = context.NowMs }, t, cancellation) > 0, cancellation);

    private sealed class Row
    {
        public long Id { get; set; }

        public long UserId { get; set; }

        public string Name { get; set; } = "";

        public long CreatedAt { get; set; }

        public long? ExpiresAt { get; set; }

        public long? RevokedAt { get; set; }

        public long? LastUsedAt { get; set; }

        public ApiToken ToToken() => new(Id, UserId, Name, UnixTime.FromMs(CreatedAt), UnixTime.FromMs(ExpiresAt), UnixTime.FromMs(RevokedAt),
            UnixTime.FromMs(LastUsedAt));
    }
}
