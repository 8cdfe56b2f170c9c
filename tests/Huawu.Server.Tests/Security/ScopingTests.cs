using System.Net;
using Huawu.Data.Calls;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Security;

/// <summary>Team scoping: supervisors see their teams' calls, agents their own and the customer of the current one; the rest is 404.</summary>
public sealed class ScopingTests
{
    [Fact]
    public async Task Each_caller_lists_exactly_the_calls_in_reach()
    {
        await using var host = await ApiHost.StartAsync();
        var w = host.World;
        async Task<long[]> Calls(string user) => [.. (await (await host.ClientFor(user).GetAsync("/api/v1/calls")).ReadAsync())
            .GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order()];
        long[] all = [.. new[] { w.CurrentCall, w.OtherTeamCall, w.QueuedCall }.Order()];
        Assert.Equal(all, await Calls("admin"));
        Assert.Equal(all, await Calls("readonly_auditor"));
        Assert.Equal(new[] { w.CurrentCall, w.QueuedCall }.Order(), await Calls("supervisor"));
        Assert.Equal([w.OtherTeamCall], await Calls("supervisor_b"));
        Assert.Equal([w.CurrentCall], await Calls("agent"));
        Assert.Equal([w.OtherTeamCall], await Calls("agent_b"));
    }

    [Theory]
    [InlineData("supervisor_b", "")]
    [InlineData("supervisor_b", "/events")]
    [InlineData("supervisor_b", "/legs")]
    [InlineData("supervisor_b", "/customer")]
    [InlineData("supervisor_b", "/recordings")]
    [InlineData("supervisor_b", "/transcript")]
    [InlineData("agent_b", "")]
    [InlineData("agent_b", "/transcript")]
    public async Task Another_teams_call_and_what_hangs_off_it_is_not_found_and_the_attempt_is_audited(string user, string tail)
    {
        await using var host = await ApiHost.StartAsync();
        await (await host.ClientFor(user).GetAsync($"/api/v1/calls/{host.World.CurrentCall}{tail}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var denial = (await host.Store.Audit.ReadAsync(0, 1000))[^1];
        Assert.Equal(("user:" + user, "permission_denied", "call", host.World.CurrentCall.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (denial.Actor, denial.Action, denial.TargetType, denial.TargetId));
    }

    [Fact]
    public async Task Recordings_of_another_teams_call_are_not_found()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.ClientFor("supervisor_b");
        await (await client.GetAsync($"/api/v1/recordings/{host.World.Recording}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync($"/api/v1/recordings/{host.World.Recording}/audio")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain(await host.Store.Audit.ReadAsync(0, 1000), e => e.Action == "recording_played");
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor("supervisor").GetAsync($"/api/v1/recordings/{host.World.Recording}")).StatusCode);
    }

    [Fact]
    public async Task An_agent_sees_the_customer_of_the_current_call_only_while_it_lasts()
    {
        await using var host = await ApiHost.StartAsync();
        var agent = host.ClientFor("agent");
        var url = $"/api/v1/calls/{host.World.CurrentCall}/customer";
        var during = (await (await agent.GetAsync(url)).ReadAsync()).GetProperty("items");
        Assert.Equal(host.World.CustomerContact, Assert.Single(during.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/contacts/{host.World.CustomerContact}")).StatusCode);

        await host.Store.Calls.EndAsync(host.World.CurrentCall, new CallEnd(host.Time.GetUtcNow(), "normal_clearing"));
        Assert.Empty((await (await agent.GetAsync(url)).ReadAsync()).GetProperty("items").EnumerateArray());
        // The supervisor's reach is the team, not the moment: the customer stays visible after the call.
        Assert.Single((await (await host.ClientFor("supervisor").GetAsync(url)).ReadAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Supervisors_see_the_teams_they_supervise()
    {
        await using var host = await ApiHost.StartAsync();
        var teams = (await (await host.ClientFor("supervisor").GetAsync("/api/v1/teams")).ReadAsync()).GetProperty("items");
        Assert.Equal(host.World.TeamA, Assert.Single(teams.EnumerateArray()).GetProperty("id").GetInt64());
        await (await host.ClientFor("supervisor").GetAsync($"/api/v1/teams/{host.World.TeamB}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var detail = await (await host.ClientFor("supervisor").GetAsync($"/api/v1/teams/{host.World.TeamA}")).ReadAsync();
        Assert.Equal(["supervisor", "agent"], detail.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("username").GetString()));
        Assert.Equal(2, (await (await host.ClientFor("readonly_auditor").GetAsync("/api/v1/teams")).ReadAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_supervisors_export_carries_only_their_teams_calls()
    {
        await using var host = await ApiHost.StartAsync();
        var lines = (await host.ClientFor("supervisor").GetStringAsync("/api/v1/calls/export")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,call_uuid,direction,customer_phone", lines[0], StringComparison.Ordinal);
        Assert.Equal(new[] { host.World.QueuedCall, host.World.CurrentCall }.Order(), lines.Skip(1).Select(l => long.Parse(l.Split(',')[0],
            System.Globalization.CultureInfo.InvariantCulture)).Order());
    }
}
