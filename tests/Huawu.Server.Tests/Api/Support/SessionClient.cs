using System.Net.Http.Json;
using System.Text.Json;
using Huawu.Server.Security;

namespace Huawu.Server.Tests.Api.Support;

/// <summary>A browser-like client of the console: signs in, then sends the session cookie (and, when asked, the CSRF token).</summary>
internal sealed class SessionClient(HttpClient client, string cookie, string csrfToken)
{
    public const string CookieName = "__Host-huawu_session";

    public string Cookie { get; } = cookie;

    public string CsrfToken { get; } = csrfToken;

    public static async Task<(HttpResponseMessage Response, SessionClient? Session)> SignInAsync(ApiHost host, string username,
        string password = ApiWorld.Password, string? totpCode = null)
    {
        var client = host.Client();
        var response = await client.PostAsJsonAsync("/api/v1/session", new { username, password, totpCode });
        if (!response.IsSuccessStatusCode) return (response, null);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        var secret = setCookie[(CookieName.Length + 1)..setCookie.IndexOf(';', StringComparison.Ordinal)];
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response, new SessionClient(client, secret, body.GetProperty("csrfToken").GetString()!));
    }

    /// <summary>Sends a request with the session cookie; <paramref name="withCsrf"/> adds the anti-forgery header.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", $"{CookieName}={Cookie}");
        if (withCsrf) request.Headers.Add(CsrfTokens.HeaderName, CsrfToken);
        return client.SendAsync(request);
    }
}
