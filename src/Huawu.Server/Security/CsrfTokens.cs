using System.Security.Cryptography;
using System.Text;

namespace Huawu.Server.Security;

/// <summary>
/// The console's anti-forgery token (OWASP "synchronizer token"): derived from the session secret with HMAC, so it
/// needs no storage and no server key, changes with every session, and cannot be computed by a page that cannot
/// read the HttpOnly session cookie. State-changing requests made with the cookie must echo it in a header.
/// </summary>
internal static class CsrfTokens
{
    public const string HeaderName = "X-CSRF-Token";

    private static readonly byte[] Label = "huawu csrf token v1"u8.ToArray();

    public static string For(string sessionSecret) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionSecret), Label));

    public static bool Matches(string? expected, string? presented) =>
        expected is not null && presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
