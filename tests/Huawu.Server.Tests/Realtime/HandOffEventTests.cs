using System.Text.Json;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;
using Huawu.Server.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;
using static Huawu.Server.Tests.Api.Support.EventStreamClient;

namespace Huawu.Server.Tests.Realtime;

/// <summary>
/// The robot's hand-off context on the event stream: the <c>handoff</c> event reaches the agent at the rung extension and
/// those who see that agent's or the call's calls, nobody else, masked by role.
/// </summary>
public sealed class HandOffEventTests
{
    private const string Extension = "2001";

    [Fact]
    public async Task The_agent_at_the_extension_and_their_supervisors_get_the_context_and_no_one_else()
    {
        await using var host = await ApiHost.StartAsync();
        Assert.True((await host.Store.Agents.SetExtensionAsync(host.World.User("agent_b").Id, Extension)).Succeeded);
        var viewers = new Dictionary<string, EventStreamClient>();
        foreach (var user in new[] { "agent", "agent_b", "supervisor", "supervisor_b", "admin" }) viewers[user] = await ConnectAsync(host, user);

        // A robot's call with no record yet: its audience is the agent's (team B).
        await Notifier(host).NotifyAsync(Notice(host, "robot-leg-1"), CancellationToken.None);

        var atAdmin = Assert.Single(await viewers["admin"].DrainAsync());
        Assert.Equal("handoff", atAdmin.GetProperty("type").GetString());
        Assert.Equal("robot-leg-1", atAdmin.GetProperty("callId").GetString());
        var data = atAdmin.GetProperty("data");
        Assert.Equal(Extension, data.GetProperty("extension").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("queue").ValueKind);
        Assert.Equal(ApiWorld.CustomerPhone, data.GetProperty("callee").GetString());
        Assert.Equal("loan-en", data.GetProperty("script").GetString());
        Assert.Equal("handoff", data.GetProperty("node").GetString());
        Assert.Equal("wants_human", data.GetProperty("intent").GetString());
        Assert.Equal("A", data.GetProperty("grade").GetString());
        Assert.Equal(["interested"], data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("50000", data.GetProperty("variables").GetProperty("amount").GetString());
        var transcript = data.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal(["robot", "callee"], transcript.Select(t => t.GetProperty("speaker").GetString()));
        Assert.Equal("I want to talk to a person", transcript[1].GetProperty("text").GetString());
        Assert.Equal("wants_human", transcript[1].GetProperty("intent").GetString());
        Assert.Equal(0.9, transcript[1].GetProperty("confidence").GetDouble());

        var atAgent = Assert.Single(await viewers["agent_b"].DrainAsync());
        Assert.Equal("138****5678", atAgent.GetProperty("data").GetProperty("callee").GetString());
        Assert.Equal("wants_human", atAgent.GetProperty("data").GetProperty("intent").GetString());
        Assert.Single(await viewers["supervisor_b"].DrainAsync());
        Assert.Empty(await viewers["agent"].DrainAsync());
        Assert.Empty(await viewers["supervisor"].DrainAsync());

        // The customer's call on record in team A: team A's supervisor sees its hand-off to team B's agent too.
        var current = (await host.Store.Calls.GetAsync(host.World.CurrentCall))!.CallUuid;
        await Notifier(host).NotifyAsync(Notice(host, current), CancellationToken.None);
        Assert.Equal(current, Assert.Single(await viewers["supervisor"].DrainAsync()).GetProperty("callId").GetString());
        Assert.Single(await viewers["supervisor_b"].DrainAsync());
        Assert.Single(await viewers["agent_b"].DrainAsync());
        foreach (var viewer in viewers.Values) await viewer.DisposeAsync();
    }

    [Fact]
    public async Task An_extension_without_an_agent_pops_only_for_those_who_see_every_call()
    {
        await using var host = await ApiHost.StartAsync();
        await using var supervisorB = await ConnectAsync(host, "supervisor_b");
        await using var admin = await ConnectAsync(host, "admin");
        await Notifier(host).NotifyAsync(Notice(host, "robot-leg-2"), CancellationToken.None);
        Assert.Equal("handoff", Assert.Single(await admin.DrainAsync()).GetProperty("type").GetString());
        Assert.Empty(await supervisorB.DrainAsync());
    }

    [Fact]
    public async Task A_queue_members_offer_pops_on_that_agents_screen_naming_the_queue()
    {
        await using var host = await ApiHost.StartAsync();
        Assert.True((await host.Store.Agents.SetExtensionAsync(host.World.User("agent_b").Id, Extension)).Succeeded);
        await using var agentB = await ConnectAsync(host, "agent_b");
        await using var agent = await ConnectAsync(host, "agent");
        await Notifier(host).NotifyAsync(Notice(host, "robot-leg-3") with { Queue = "loan_advisors" }, CancellationToken.None);
        var data = Assert.Single(await agentB.DrainAsync()).GetProperty("data");
        Assert.Equal("loan_advisors", data.GetProperty("queue").GetString());
        Assert.Equal(Extension, data.GetProperty("extension").GetString());
        Assert.Empty(await agent.DrainAsync());
    }

    private static IHandOffNotifier Notifier(ApiHost host) => host.App.Services.GetRequiredService<IHandOffNotifier>();

    private static HandOffNotice Notice(ApiHost host, string callId)
    {
        var at = host.Time.GetUtcNow();
        var context = new HandOffContext("loan-en", "handoff",
            [
                new TranscriptEntry(at, TranscriptSpeaker.Robot, "Hello, this is the loan service.", "greeting"),
                new TranscriptEntry(at, TranscriptSpeaker.Callee, "I want to talk to a person", "greeting", "wants_human", 0.9),
            ],
            "wants_human", new Dictionary<string, string> { ["amount"] = "50000" }, ["interested"], "A");
        return new HandOffNotice(callId, Extension, ApiWorld.CustomerPhone, context);
    }
}
