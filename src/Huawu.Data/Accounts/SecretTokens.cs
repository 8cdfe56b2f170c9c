using System.Security.Cryptography;
using System.Text;

namespace Huawu.Data.Accounts;

/// <summary>
/// Opaque bearer secrets (API tokens, console sessions): 256 random bits, base64url, behind a prefix that names
/// the kind (so secret scanners and people can tell them apart). Only a SHA-256 of a secret is stored: with
/// 256 bits of entropy a fast hash cannot be brute-forced, and a database copy yields nothing usable.
/// </summary>
internal static class SecretTokens
{
    public const string ApiTokenPrefix = "hwt_";
    public const string SessionPrefix = "hws_";

    private const int SecretBytes = 32;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Generate(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A secret of the right shape, so garbage never reaches the database.</summary>
    public static bool HasShape(string? secret, string prefix) =>
        secret is not null && secret.Length == prefix.Length + 43 && secret.StartsWith(prefix, StringComparison.Ordinal)
        && secret.AsSpan(prefix.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
