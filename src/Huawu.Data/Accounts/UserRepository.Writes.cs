using System.Data.Common;
using Huawu.Data.Storage;

namespace Huawu.Data.Accounts;

internal sealed partial class UserRepository
{
    public async Task<DataResult<User>> CreateAsync(NewUser user, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Usernames.TryNormalize(user.Username, out var username))
            return DataResult.Fail<User>(DataProblem.Invalid, $"username: 1-{Usernames.MaxLength} letters, digits, '.', '_', '-' or '@'");
        if (string.IsNullOrWhiteSpace(user.PasswordHash)) return DataResult.Fail<User>(DataProblem.Invalid, "password hash: required");
        if (user.Roles.Count == 0) return DataResult.Fail<User>(DataProblem.Invalid, "roles: at least one");
        var now = context.NowMs;
        return await Database.WriteAsync(async (c, t) =>
        {
            // ON CONFLICT DO NOTHING: a taken name returns no id instead of failing the transaction.
            var id = await c.Scalar<long?>("""
                INSERT INTO users (username, display_name, password_hash, created_at, updated_at)
                VALUES (@username, @DisplayName, @PasswordHash, @now, @now)
                ON CONFLICT (username) DO NOTHING
                RETURNING id
                """, new { username, DisplayName = user.DisplayName.Trim(), user.PasswordHash, now }, t, cancellation);
            if (id is not { } userId) return DataResult.Fail<User>(DataProblem.Duplicate, $"username '{username}' is taken");
            await InsertRoles(c, t, userId, user.Roles, cancellation);
            return DataResult.Ok((await ReadInTransaction(c, t, userId, cancellation))!);
        }, cancellation);
    }

    public Task<bool> SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return Update("UPDATE users SET password_hash = @passwordHash, updated_at = @now WHERE id = @id", new { id, passwordHash, now = context.NowMs }, cancellation);
    }

    public Task<bool> SetRolesAsync(long id, IReadOnlyCollection<Role> roles, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return Database.WriteAsync(async (c, t) =>
        {
            if (await c.Exec("UPDATE users SET updated_at = @now WHERE id = @id", new { id, now = context.NowMs }, t, cancellation) == 0) return false;
            await c.Exec("DELETE FROM user_roles WHERE user_id = @id", new { id }, t, cancellation);
            await InsertRoles(c, t, id, roles, cancellation);
            return true;
        }, cancellation);
    }

    public Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken cancellation = default) =>
        Update("UPDATE users SET is_disabled = @disabled, updated_at = @now WHERE id = @id", new { id, disabled, now = context.NowMs }, cancellation);

    public Task<int> RecordLoginFailureAsync(long id, DateTimeOffset? lockUntil, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) => await c.Scalar<int?>("""
            UPDATE users SET failed_login_count = failed_login_count + 1, locked_until = coalesce(@lockUntil, locked_until)
            WHERE id = @id RETURNING failed_login_count
            """, new { id, lockUntil = UnixTime.ToMs(lockUntil) }, t, cancellation) ?? 0, cancellation);

    public Task<bool> RecordLoginSuccessAsync(long id, CancellationToken cancellation = default) =>
        Update("UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = @id", new { id }, cancellation);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellation = default) =>
        Update("DELETE FROM users WHERE id = @id", new { id }, cancellation);

    private Task<bool> Update(string sql, object parameters, CancellationToken cancellation) =>
        Database.WriteAsync(async (c, t) => await c.Exec(sql, parameters, t, cancellation) > 0, cancellation);

    private static async Task InsertRoles(DbConnection connection, DbTransaction transaction, long userId, IEnumerable<Role> roles,
        CancellationToken cancellation)
    {
        foreach (var role in roles.Distinct())
        {
            await connection.Exec("INSERT INTO user_roles (user_id, role) VALUES (@userId, @role)",
                new { userId, role = Roles.NameOf(role) }, transaction, cancellation);
        }
    }
}
