using Huawu.Data.Accounts;
using Huawu.Server.Api.Auditing;

namespace Huawu.Server.Api.Users;

public sealed record NewUserRequest(string? Username, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);

/// <summary>Changes to a user; absent fields stay as they are. <see cref="Unlock"/> clears a lockout.</summary>
public sealed record UserChangeRequest(IReadOnlyList<string>? Roles, bool? Disabled, string? Password, bool? Unlock);

public sealed record UserResponse(
    long Id,
    string Username,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IAuditTarget
{
    string IAuditTarget.AuditId => Ids.Text(Id);

    internal static UserResponse From(User user) => new(user.Id, user.Username, user.DisplayName, [.. user.Roles.Select(Huawu.Data.Accounts.Roles.NameOf)],
        user.IsDisabled, user.LockedUntil, user.CreatedAt, user.UpdatedAt);
}
