namespace Huawu.Data.Accounts;

/// <summary>Users and their roles. Lockout policy (how many failures, for how long) belongs to the caller.</summary>
public interface IUserRepository
{
    /// <summary>Creates a user; <see cref="DataProblem.Duplicate"/> when the username is taken.</summary>
    Task<DataResult<User>> CreateAsync(NewUser user, CancellationToken cancellation = default);

    Task<User?> GetAsync(long id, CancellationToken cancellation = default);

    /// <summary>The user with this username (case does not matter), or null.</summary>
    Task<User?> FindByUsernameAsync(string username, CancellationToken cancellation = default);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellation = default);

    Task<long> CountAsync(CancellationToken cancellation = default);

    Task<bool> SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellation = default);

    Task<bool> SetRolesAsync(long id, IReadOnlyCollection<Role> roles, CancellationToken cancellation = default);

    Task<bool> SetDisabledAsync(long id, bool disabled, CancellationToken cancellation = default);

    /// <summary>Counts a failed sign-in and optionally locks the account; returns the failures so far.</summary>
    Task<int> RecordLoginFailureAsync(long id, DateTimeOffset? lockUntil, CancellationToken cancellation = default);

    /// <summary>A successful sign-in clears the failure count and any lock.</summary>
    Task<bool> RecordLoginSuccessAsync(long id, CancellationToken cancellation = default);

    Task<bool> DeleteAsync(long id, CancellationToken cancellation = default);
}
