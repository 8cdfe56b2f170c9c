using System.Net;
using Huawu.Server.Tests.Api.Support;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Huawu.Server.Tests.Api.Support.EventStreamClient;

namespace Huawu.Server.Tests.Realtime;

/// <summary>The WebSocket event stream: authenticated, and each subscriber gets only the CTI events of calls in its reach, masked by role.</summary>
public sealed class EventStreamTests
{
    [Fact]
    public async Task Each_subscriber_gets_exactly_the_events_of_calls_in_its_reach_in_order()
    {
        await using var host = await ApiHost.StartAsync();
        var current = await UuidAsync(host, host.World.CurrentCall);
        var other = await UuidAsync(host, host.World.OtherTeamCall);
        var queued = await UuidAsync(host, host.World.QueuedCall);
        var viewers = new Dictionary<string, EventStreamClient>();
        foreach (var user in new[] { "supervisor", "supervisor_b", "agent", "agent_b", "admin" }) viewers[user] = await ConnectAsync(host, user);

        foreach (var call in new[] { other, current, queued, "no-record-yet" }) host.Cti.Publish(Ringing(host, call));
        // The feed publishes asynchronously. Once the last subscriber (admin, who sees everything) has the last event,
        // every subscriber has been offered every event: publishing offers them in subscription order.
        Assert.Equal(new[] { other, current, queued, "no-record-yet" }.Select(c => "call.ringing@" + c),
            (await viewers["admin"].NextAsync(4)).Select(Describe));

        var expected = new Dictionary<string, string[]>
        {
            ["supervisor"] = [current, queued],
            ["supervisor_b"] = [other],
            ["agent"] = [current],
            ["agent_b"] = [other],
        };
        foreach (var (user, calls) in expected)
        {
            Assert.Equal(calls.Select(c => "call.ringing@" + c), (await viewers[user].DrainAsync()).Select(Describe));
        }
        foreach (var viewer in viewers.Values) await viewer.DisposeAsync();
    }

    [Fact]
    public async Task Parties_and_keys_are_masked_by_role()
    {
        await using var host = await ApiHost.StartAsync();
        var current = await UuidAsync(host, host.World.CurrentCall);
        await using var agent = await ConnectAsync(host, "agent");
        await using var admin = await ConnectAsync(host, "admin");
        var at = host.Time.GetUtcNow();
        host.Cti.Publish(new CallCreated(new CallId(current), at, CallDirection.Inbound, "sip:+8613812345678@carrier.example;user=phone", "sip:1001@huawu", "carrier"));
        host.Cti.Publish(new DtmfReceived(new CallId(current), at, '7', DtmfMethod.Rfc4733));

        var whole = await admin.NextAsync(2);
        Assert.Equal("sip:+8613812345678@carrier.example;user=phone", whole[0].GetProperty("data").GetProperty("from").GetString());
        Assert.Equal("7", whole[1].GetProperty("data").GetProperty("key").GetString());
        var masked = await agent.DrainAsync();
        Assert.Equal("138****5678", masked[0].GetProperty("data").GetProperty("from").GetString());
        Assert.Equal("1001", masked[0].GetProperty("data").GetProperty("to").GetString()); // an extension, not personal data
        Assert.Equal("carrier", masked[0].GetProperty("data").GetProperty("trunk").GetString());
        Assert.Equal("7", masked[1].GetProperty("data").GetProperty("key").GetString()); // agents see collected values whole
        Assert.Equal(current, masked[0].GetProperty("callId").GetString());
    }

    [Fact]
    public async Task Connecting_needs_a_credential_the_permission_and_for_cookies_the_same_origin()
    {
        await using var host = await ApiHost.StartAsync();
        var anonymous = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(host, _ => { }));
        Assert.Contains("401", anonymous.Message, StringComparison.Ordinal);
        var auditor = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(host, "quality_auditor"));
        Assert.Contains("403", auditor.Message, StringComparison.Ordinal);

        var (_, session) = await SessionClient.SignInAsync(host, "supervisor");
        void Cookie(Microsoft.AspNetCore.Http.HttpRequest r, string origin)
        {
            r.Headers.Cookie = $"{SessionClient.CookieName}={session!.Cookie}";
            r.Headers.Origin = origin;
        }
        var foreign = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(host, r => Cookie(r, "https://evil.example")));
        Assert.Contains("403", foreign.Message, StringComparison.Ordinal);
        await using var console = await ConnectAsync(host, r => Cookie(r, "http://localhost"));
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, console.State);
    }

    [Fact]
    public async Task Signing_out_revoking_the_token_changing_the_users_teams_or_expiry_end_the_stream()
    {
        await using var host = await ApiHost.StartAsync();
        var (_, session) = await SessionClient.SignInAsync(host, "supervisor");
        await using var bySession = await ConnectAsync(host, r =>
        {
            r.Headers.Cookie = $"{SessionClient.CookieName}={session!.Cookie}";
            r.Headers.Origin = "http://localhost";
        });
        Assert.Equal(HttpStatusCode.NoContent, (await session!.SendAsync(HttpMethod.Delete, "/api/v1/session")).StatusCode);
        Assert.Empty(await bySession.UntilClosedAsync());

        await using var byAgent = await ConnectAsync(host, "agent");
        await host.ClientFor("admin").DeleteAsync($"/api/v1/teams/{host.World.TeamA}/members/{host.World.User("agent").Id}");
        Assert.Empty(await byAgent.UntilClosedAsync());

        var token = (await host.Store.ApiTokens.IssueAsync(host.World.User("admin").Id, "short", host.Time.GetUtcNow().AddHours(1))).Value!;
        await using var expiring = await ConnectAsync(host, r => r.Headers.Authorization = "Bearer " + token.Secret);
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await expiring.UntilClosedAsync());
    }

    [Fact]
    public async Task A_stopping_node_closes_its_streams()
    {
        await using var host = await ApiHost.StartAsync();
        await using var agent = await ConnectAsync(host, "agent");
        // An open stream held `huawu call` (and a stopping `huawu serve`) for the host's whole shutdown timeout.
        host.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        Assert.Empty(await agent.UntilClosedAsync());
    }

    private static CallRinging Ringing(ApiHost host, string call) => new(new CallId(call), host.Time.GetUtcNow());

    private static async Task<string> UuidAsync(ApiHost host, long callId) => (await host.Store.Calls.GetAsync(callId))!.CallUuid;
}
