using System.Diagnostics.CodeAnalysis;

namespace Huawu.Data.Accounts;

/// <summary>
/// Usernames are compared without case: stored folded to lower case, 1-64 letters, digits and <c>. _ - @</c>,
/// so "Admin" and "admin" cannot be two accounts.
/// </summary>
public static class Usernames
{
    public const int MaxLength = 64;

    public static bool TryNormalize([NotNullWhen(true)] string? input, [NotNullWhen(true)] out string? username)
    {
        username = input?.Trim().ToLowerInvariant();
        if (username is { Length: > 0 and <= MaxLength } && username.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@')) return true;
        username = null;
        return false;
    }
}
