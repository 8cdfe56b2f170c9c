using Huawu.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Huawu.Server.Accounts;

/// <summary>
/// Passwords are stored only as ASP.NET Core Identity hashes (PBKDF2-HMAC-SHA512, salted, with the iteration
/// count inside the hash, so stronger settings later still verify older hashes).
/// </summary>
internal static class PasswordHashing
{
    public const int MinimumLength = 8;

    // Long enough for any passphrase; a cap keeps a megabyte "password" from being hashed on request.
    public const int MaximumLength = 1024;

    private static readonly PasswordHasher<User> Hasher = new();

    // The hasher's user argument is only for custom hashers that salt by user; the default ignores it.
    private static readonly User NoUser = new(0, "", "", "", [], false, 0, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    /// <summary>Why a new password is refused, or null when it is acceptable.</summary>
    public static string? Refusal(string? password) =>
        password is null || password.Length < MinimumLength ? $"at least {MinimumLength} characters"
        : password.Length > MaximumLength ? $"at most {MaximumLength} characters"
        : null;

    public static string Hash(string password) => Hasher.HashPassword(NoUser, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(NoUser, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
