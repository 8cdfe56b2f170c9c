using Huawu.Server.Accounts;

namespace Huawu.Server.Security;

/// <summary>
/// The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), and by
/// default Secure with the <c>__Host-</c> prefix (RFC 6265bis §4.1.3.2: Secure, Path=/, no Domain, so no sibling
/// host can plant or overwrite it).
/// </summary>
internal sealed class SessionCookie(AccountOptions options)
{
    public string Name => options.SecureCookies ? "__Host-huawu_session" : "huawu_session";

    public string? Read(HttpRequest request) => request.Cookies[Name];

    public void Write(HttpResponse response, string secret, DateTimeOffset expiresAt) =>
        response.Cookies.Append(Name, secret, Options(expiresAt));

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    private CookieOptions Options(DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        Secure = options.SecureCookies,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };
}
