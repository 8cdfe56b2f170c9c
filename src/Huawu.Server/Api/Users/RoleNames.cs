using Huawu.Data.Accounts;
using Huawu.Server.Api.Validation;

namespace Huawu.Server.Api.Users;

/// <summary>Role names in requests: each must be one of the six, and a user needs at least one.</summary>
internal static class RoleNames
{
    public static IReadOnlyList<Role>? Parse(IReadOnlyList<string>? names, FieldErrors errors)
    {
        if (names is not { Count: > 0 })
        {
            errors.Add("roles", "at least one of " + string.Join(", ", Roles.All.Select(Roles.NameOf)));
            return null;
        }
        var roles = new List<Role>();
        foreach (var name in names)
        {
            if (Roles.TryParse(name, out var role)) roles.Add(role);
            else errors.Add("roles", $"'{name}' is not one of " + string.Join(", ", Roles.All.Select(Roles.NameOf)));
        }
        return errors.Any ? null : roles;
    }
}
