using Huawu.Data.Storage;

namespace Huawu.Data.Accounts;

internal sealed class AgentRepository(StoreContext context) : IAgentRepository
{
    /// <summary>An extension is a SIP user part a phone registers as: short, letters, digits and <c>. _ -</c>.</summary>
    internal const int MaxExtensionLength = 32;

    private Database Database => context.Database;

    public Task<DataResult<string>> SetExtensionAsync(long userId, string extension, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!IsExtension(extension))
        {
            return Task.FromResult(DataResult.Fail<string>(DataProblem.Invalid,
                $"extension: 1 to {MaxExtensionLength} letters, digits, '.', '_' or '-'"));
        }
        var now = context.NowMs;
        return Database.WriteAsync(async (c, t) =>
        {
            // Checked first, so a missing user is an answer rather than a foreign-key failure of the whole transaction.
            if (await c.Scalar<long>("SELECT count(*) FROM users WHERE id = @userId", new { userId }, t, cancellation) == 0)
            {
                return DataResult.Fail<string>(DataProblem.NotFound, "no such user");
            }
            await c.Exec("INSERT INTO extensions (number, display_name, created_at) VALUES (@extension, @extension, @now) ON CONFLICT (number) DO NOTHING",
                new { extension, now }, t, cancellation);
            var extensionId = await c.Scalar<long>("SELECT id FROM extensions WHERE number = @extension", new { extension }, t, cancellation);
            await c.Exec("UPDATE agents SET extension_id = NULL WHERE extension_id = @extensionId AND user_id <> @userId",
                new { extensionId, userId }, t, cancellation);
            await c.Exec("""
                INSERT INTO agents (user_id, extension_id, created_at) VALUES (@userId, @extensionId, @now)
                ON CONFLICT (user_id) DO UPDATE SET extension_id = excluded.extension_id
                """, new { userId, extensionId, now }, t, cancellation);
            return DataResult.Ok(extension);
        }, cancellation);
    }

    public Task<long?> FindUserByExtensionAsync(string extension, CancellationToken cancellation = default) =>
        Database.ReadAsync(c => c.Scalar<long?>(
            "SELECT a.user_id FROM agents a JOIN extensions e ON e.id = a.extension_id WHERE e.number = @extension",
            new { extension }, null, cancellation), cancellation);

    public Task<string?> FindExtensionOfUserAsync(string username, CancellationToken cancellation = default)
    {
        // User names are stored folded (Usernames); one that cannot be a user name has no extension.
        if (!Usernames.TryNormalize(username, out var folded)) return Task.FromResult<string?>(null);
        return Database.ReadAsync(c => c.Scalar<string?>("""
            SELECT e.number FROM users u JOIN agents a ON a.user_id = u.id JOIN extensions e ON e.id = a.extension_id WHERE u.username = @folded
            """, new { folded }, null, cancellation), cancellation);
    }

    private static bool IsExtension(string extension) =>
        extension.Length is > 0 and <= MaxExtensionLength && extension.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-');
}
