namespace Huawu.Data.Accounts;

/// <summary>A person who signs in to Huawu (staff, not customers).</summary>
public sealed record User(
    long Id,
    string Username,
    string DisplayName,
    string PasswordHash,
    IReadOnlyList<Role> Roles,
    bool IsDisabled,
    int FailedLoginCount,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A user to create; the password arrives already hashed (the hasher lives with the server).</summary>
public sealed record NewUser(string Username, string DisplayName, string PasswordHash, IReadOnlyCollection<Role> Roles);
