using System.Net;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Api;

public sealed class SmokeTests
{
    [Fact]
    public async Task The_host_answers_health_and_refuses_anonymous_api_calls()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        await (await client.GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        var users = await host.ClientFor("admin").GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(8, (await users.ReadAsync()).GetProperty("items").GetArrayLength());
    }
}
