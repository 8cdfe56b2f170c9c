using System.Net;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Accounts;

public sealed class SessionLifetimeTests
{
    [Fact]
    public async Task State_changing_cookie_requests_need_the_sessions_csrf_token_and_token_requests_do_not()
    {
        await using var host = await ApiHost.StartAsync();
        var (_, session) = await SessionClient.SignInAsync(host, "admin");
        var (_, other) = await SessionClient.SignInAsync(host, "supervisor");
        var forged = new SessionClient(host.Client(), session!.Cookie, other!.CsrfToken);

        await (await session.SendAsync(HttpMethod.Post, "/api/v1/teams", new { name = "csrf" }, withCsrf: false))
            .ProblemAsync(HttpStatusCode.Forbidden, "csrf_token_invalid");
        await (await forged.SendAsync(HttpMethod.Post, "/api/v1/teams", new { name = "csrf" })).ProblemAsync(HttpStatusCode.Forbidden, "csrf_token_invalid");
        Assert.Null((await host.Store.Teams.ListAsync()).SingleOrDefault(t => t.Name == "csrf"));
        Assert.Equal(HttpStatusCode.OK, (await session.SendAsync(HttpMethod.Get, "/api/v1/teams", withCsrf: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await session.SendAsync(HttpMethod.Post, "/api/v1/teams", new { name = "csrf" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.ClientFor("admin").PostJsonAsync("/api/v1/teams", new { name = "by token" })).StatusCode);

        var denial = (await host.Store.Audit.ReadAsync(0, 1000)).Last(e => e.Action == "permission_denied");
        Assert.Equal("user:admin", denial.Actor);
        Assert.Equal("missing or wrong anti-forgery token", denial.Detail);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_clears_the_cookie()
    {
        await using var host = await ApiHost.StartAsync();
        var (_, session) = await SessionClient.SignInAsync(host, "agent");
        var signOut = await session!.SendAsync(HttpMethod.Delete, "/api/v1/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionClient.CookieName + "=;", StringComparison.Ordinal));
        var after = await session.SendAsync(HttpMethod.Get, "/api/v1/session");
        await after.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains(after.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionClient.CookieName + "=;", StringComparison.Ordinal));
        Assert.Contains(await host.Store.Audit.ReadAsync(0, 1000), e => e.Action == "logout" && e.Actor == "user:agent");
    }

    [Fact]
    public async Task A_session_ends_when_idle_too_long_and_at_its_absolute_lifetime()
    {
        await using var host = await ApiHost.StartAsync(accounts: a => { a.SessionIdleMinutes = 30; a.SessionHours = 2; });
        var (_, idle) = await SessionClient.SignInAsync(host, "agent");
        var (_, busy) = await SessionClient.SignInAsync(host, "agent");
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(2) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            host.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await busy!.SendAsync(HttpMethod.Get, "/api/v1/session")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle!.SendAsync(HttpMethod.Get, "/api/v1/session")).StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy!.SendAsync(HttpMethod.Get, "/api/v1/session")).StatusCode);
    }
}
