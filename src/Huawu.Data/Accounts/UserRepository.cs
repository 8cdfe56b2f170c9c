using System.Data.Common;
using Huawu.Data.Storage;

namespace Huawu.Data.Accounts;

internal sealed partial class UserRepository(StoreContext context) : IUserRepository
{
    private const string SelectUsers = """
        SELECT u.id, u.username, u.display_name, u.password_hash, u.is_disabled, u.failed_login_count, u.locked_until,
               u.created_at, u.updated_at, r.role
        FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
        """;

    private Database Database => context.Database;

    public Task<User?> GetAsync(long id, CancellationToken cancellation = default) =>
        Database.ReadAsync(async c => Assemble(await c.List<UserRow>(SelectUsers + " WHERE u.id = @id", new { id }, null, cancellation)).FirstOrDefault(),
            cancellation);

    public Task<User?> FindByUsernameAsync(string username, CancellationToken cancellation = default)
    {
        if (!Usernames.TryNormalize(username, out var normalized)) return Task.FromResult<User?>(null);
        return Database.ReadAsync(async c =>
            Assemble(await c.List<UserRow>(SelectUsers + " WHERE u.username = @normalized", new { normalized }, null, cancellation)).FirstOrDefault(),
            cancellation);
    }

    public Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellation = default) =>
        Database.ReadAsync<IReadOnlyList<User>>(async c =>
            Assemble(await c.List<UserRow>(SelectUsers + " ORDER BY u.id", null, null, cancellation)), cancellation);

    public Task<long> CountAsync(CancellationToken cancellation = default) =>
        Database.ReadAsync(c => c.Scalar<long>("SELECT count(*) FROM users", null, null, cancellation), cancellation);

    private static async Task<User?> ReadInTransaction(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellation) =>
        Assemble(await connection.List<UserRow>(SelectUsers + " WHERE u.id = @id", new { id }, transaction, cancellation)).FirstOrDefault();

    // One row per (user, role): fold them back into users, keeping the query's order.
    private static List<User> Assemble(List<UserRow> rows)
    {
        var users = new List<User>();
        foreach (var group in rows.GroupBy(r => r.Id))
        {
            var first = group.First();
            var roles = group.Where(r => r.Role is not null).Select(r => Roles.TryParse(r.Role, out var role) ? role : (Role?)null)
                .OfType<Role>().Order().ToList();
            users.Add(new User(first.Id, first.Username, first.DisplayName, first.PasswordHash, roles, first.IsDisabled,
                first.FailedLoginCount, UnixTime.FromMs(first.LockedUntil), UnixTime.FromMs(first.CreatedAt), UnixTime.FromMs(first.UpdatedAt)));
        }
        return users;
    }

    private sealed class UserRow
    {
        public long Id { get; set; }

        public string Username { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string PasswordHash { get; set; } = "";

        public bool IsDisabled { get; set; }

        public int FailedLoginCount { get; set; }

        public long? LockedUntil { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }

        public string? Role { get; set; }
    }
}
