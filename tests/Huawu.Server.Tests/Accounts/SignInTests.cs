using System.Net;
using System.Text.Json.Nodes;
using Huawu.Data.Audit;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Accounts;

public sealed class SignInTests
{
    [Fact]
    public async Task Signing_in_sets_a_hardened_session_cookie_and_the_session_says_who_is_signed_in()
    {
        await using var host = await ApiHost.StartAsync();
        var (response, session) = await SessionClient.SignInAsync(host, "Agent");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();
        // RFC 6265bis §4.1.3.2: the __Host- prefix demands Secure and Path=/ without Domain.
        Assert.StartsWith("__host-huawu_session=hws_", cookie, StringComparison.Ordinal);
        Assert.Contains("; path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);

        var me = await (await session!.SendAsync(HttpMethod.Get, "/api/v1/session", withCsrf: false)).ReadAsync();
        Assert.Equal("agent", me.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("session", me.GetProperty("user").GetProperty("credential").GetString());
        Assert.Equal(["agent"], me.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(session.CsrfToken, me.GetProperty("csrfToken").GetString());
        var entry = (await host.Store.Audit.ReadAsync(0, 1000)).Last(e => e.Action == "login_succeeded");
        Assert.Equal("user:agent", entry.Actor);
    }

    [Fact]
    public async Task Unknown_users_wrong_passwords_locked_and_disabled_accounts_get_one_answer_at_one_hash_check_each()
    {
        var passwords = new CountingPasswordVerifier();
        await using var host = await ApiHost.StartAsync(passwords: passwords);
        for (var i = 0; i < 5; i++) await SessionClient.SignInAsync(host, "supervisor_b", "wrong password");
        await host.Store.Users.SetDisabledAsync(host.World.User("agent_b").Id, true);

        var answers = new List<string>();
        foreach (var (user, password) in new[] { ("nobody", ApiWorld.Password), ("agent", "wrong password"), ("supervisor_b", ApiWorld.Password),
            ("agent_b", ApiWorld.Password) })
        {
            var before = passwords.Verifications;
            var (response, session) = await SessionClient.SignInAsync(host, user, password);
            Assert.Null(session);
            Assert.Equal(1, passwords.Verifications - before);
            var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
            var body = JsonNode.Parse(problem.GetRawText())!.AsObject();
            body.Remove("traceId");
            answers.Add(string.Join("|", response.Headers.Select(h => h.Key).Order()) + body.ToJsonString());
        }
        Assert.Single(answers.Distinct());

        var failures = (await host.Store.Audit.ReadAsync(0, 1000)).Where(e => e.Action == "login_failed").Select(e => e.Detail).ToList();
        Assert.Contains("unknown username", failures);
        Assert.Contains("account locked", failures);
        Assert.Contains("account disabled", failures);
        Assert.DoesNotContain(failures, f => f!.Contains("nobody", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_for_its_time_and_a_success_clears_the_count()
    {
        await using var host = await ApiHost.StartAsync(accounts: a => { a.LockoutThreshold = 3; a.LockoutMinutes = 10; });
        for (var i = 0; i < 2; i++) await SessionClient.SignInAsync(host, "agent", "wrong password");
        Assert.NotNull((await SessionClient.SignInAsync(host, "agent")).Session);
        Assert.Equal(0, (await host.Store.Users.GetAsync(host.World.User("agent").Id))!.FailedLoginCount);

        for (var i = 0; i < 3; i++) await SessionClient.SignInAsync(host, "agent", "wrong password");
        var locked = await SessionClient.SignInAsync(host, "agent");
        await locked.Response.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var details = (await host.Store.Audit.ReadAsync(0, 1000)).Where(e => e.Action == AuditActions.NameOf(AuditAction.LoginFailed)).Select(e => e.Detail);
        Assert.Contains("wrong password (3 in a row): locked for 10 min", details);

        host.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Null((await SessionClient.SignInAsync(host, "agent")).Session);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull((await SessionClient.SignInAsync(host, "agent")).Session);
    }

    [Fact]
    public async Task Changing_ones_password_needs_the_current_one_and_signs_out_the_other_sessions()
    {
        await using var host = await ApiHost.StartAsync();
        var (_, here) = await SessionClient.SignInAsync(host, "supervisor");
        var (_, elsewhere) = await SessionClient.SignInAsync(host, "supervisor");

        var wrong = await here!.SendAsync(HttpMethod.Put, "/api/v1/session/password", new { currentPassword = "guess", newPassword = "a new password" });
        var problem = await wrong.ProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));
        var tooShort = await here.SendAsync(HttpMethod.Put, "/api/v1/session/password", new { currentPassword = ApiWorld.Password, newPassword = "short" });
        Assert.True((await tooShort.ProblemAsync(HttpStatusCode.BadRequest, "invalid_input")).GetProperty("errors").TryGetProperty("newPassword", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await here.SendAsync(HttpMethod.Put, "/api/v1/session/password",
            new { currentPassword = ApiWorld.Password, newPassword = "a new password" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.SendAsync(HttpMethod.Get, "/api/v1/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere!.SendAsync(HttpMethod.Get, "/api/v1/session")).StatusCode);
        Assert.Null((await SessionClient.SignInAsync(host, "supervisor")).Session);
        Assert.NotNull((await SessionClient.SignInAsync(host, "supervisor", "a new password")).Session);
    }
}
