using System.Net;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Accounts;

public sealed class ApiTokenTests
{
    [Fact]
    public async Task A_token_is_shown_once_works_as_its_user_and_stops_when_revoked()
    {
        await using var host = await ApiHost.StartAsync();
        var (_, session) = await SessionClient.SignInAsync(host, "campaign_manager");
        var created = await session!.SendAsync(HttpMethod.Post, "/api/v1/tokens", new { name = "crm sync", expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadAsync();
        var secret = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetInt64();
        Assert.StartsWith("hwt_", secret, StringComparison.Ordinal);
        Assert.Equal(host.Time.GetUtcNow().AddDays(30), body.GetProperty("expiresAt").GetDateTimeOffset());

        var listed = await (await session.SendAsync(HttpMethod.Get, "/api/v1/tokens")).ReadAsync();
        var item = listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == id);
        Assert.False(item.TryGetProperty("token", out _));
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);

        var me = await (await host.Client(secret).GetAsync("/api/v1/session")).ReadAsync();
        Assert.Equal("campaign_manager", me.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("api_token", me.GetProperty("user").GetProperty("credential").GetString());

        await (await host.ClientFor("supervisor").DeleteAsync($"/api/v1/tokens/{id}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await session.SendAsync(HttpMethod.Delete, $"/api/v1/tokens/{id}")).StatusCode);
        var refused = await host.Client(secret).GetAsync("/api/v1/session");
        await refused.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        // RFC 6750 §3: a refused token is named as such in the challenge.
        Assert.Contains("error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_expire_must_expire_and_die_with_their_users_access()
    {
        await using var host = await ApiHost.StartAsync(accounts: a => a.TokenMaxDays = 90);
        var admin = host.ClientFor("admin");
        var tooLong = await admin.PostJsonAsync("/api/v1/tokens", new { name = "forever", expiresInDays = 91 });
        Assert.True((await tooLong.ProblemAsync(HttpStatusCode.BadRequest, "invalid_input")).GetProperty("errors").TryGetProperty("expiresInDays", out _));

        var secret = (await (await admin.PostJsonAsync("/api/v1/tokens", new { name = "short", expiresInDays = 1 })).ReadAsync()).GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.OK, (await host.Client(secret).GetAsync("/api/v1/session")).StatusCode);
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(secret).GetAsync("/api/v1/session")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor("agent").GetAsync("/api/v1/session")).StatusCode);
        await host.Store.Users.SetDisabledAsync(host.World.User("agent").Id, true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.ClientFor("agent").GetAsync("/api/v1/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client("hwt_not-a-token").GetAsync("/api/v1/session")).StatusCode);
        var basic = host.Client();
        basic.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YWRtaW46cGFzc3dvcmQ=");
        Assert.Equal(HttpStatusCode.Unauthorized, (await basic.GetAsync("/api/v1/session")).StatusCode);
    }
}
