using Dapper;
using Huawu.Data.Accounts;
using Huawu.Data.Calls;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Calls;

public sealed class CallScopeTests
{
    [Theory, BothDatabases]
    public async Task Scopes_see_all_calls_their_own_or_their_teams_by_agent_or_queue(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var world = await WorldAsync(test);

        Assert.Equal([world.Queued, world.OtherTeam, world.Own], Ids(await test.Store.Calls.PageAsync(CallScope.All, null, 10)));
        Assert.Equal([world.Own], Ids(await test.Store.Calls.PageAsync(new CallScope(false, world.Agent, []), null, 10)));
        Assert.Equal([world.Queued, world.Own], Ids(await test.Store.Calls.PageAsync(new CallScope(false, null, [world.TeamA]), null, 10)));
        Assert.Equal([world.Queued, world.OtherTeam, world.Own],
            Ids(await test.Store.Calls.PageAsync(new CallScope(false, world.Agent, [world.TeamA, world.TeamB]), null, 10)));
        Assert.Empty(await test.Store.Calls.PageAsync(CallScope.Nothing, null, 10));

        Assert.True(await test.Store.Calls.IsInScopeAsync(world.Own, new CallScope(false, world.Agent, [])));
        Assert.False(await test.Store.Calls.IsInScopeAsync(world.OtherTeam, new CallScope(false, world.Agent, [])));
        Assert.True(await test.Store.Calls.IsInScopeAsync(world.Queued, new CallScope(false, null, [world.TeamA])));
        Assert.False(await test.Store.Calls.IsInScopeAsync(world.Queued, new CallScope(false, null, [world.TeamB])));
        Assert.False(await test.Store.Calls.IsInScopeAsync(999, CallScope.All));

        Assert.Equal([world.TeamA], await test.Store.Calls.TeamsOfAsync(world.Own));
        Assert.Equal([world.TeamA], await test.Store.Calls.TeamsOfAsync(world.Queued));
        Assert.Equal([world.TeamB], await test.Store.Calls.TeamsOfAsync(world.OtherTeam));
    }

    [Theory, BothDatabases]
    public async Task Pages_run_newest_first_without_gaps_or_repeats(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        for (var i = 0; i < 7; i++) ids.Add((await Seed.CallAsync(test.Store, null, test.Time.GetUtcNow())).Id);
        var seen = new List<long>();
        long? before = null;
        while (true)
        {
            var page = await test.Store.Calls.PageAsync(CallScope.All, before, 3);
            if (page.Count == 0) break;
            seen.AddRange(page.Select(c => c.Id));
            before = page[^1].Id;
        }
        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
    }

    [Theory, BothDatabases]
    public async Task An_agents_current_calls_are_those_not_ended(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var world = await WorldAsync(test);
        Assert.Equal([world.Own], Ids(await test.Store.Calls.CurrentForAgentAsync(world.Agent)));
        await test.Store.Calls.EndAsync(world.Own, new CallEnd(test.Time.GetUtcNow(), "normal_clearing"));
        Assert.Empty(await test.Store.Calls.CurrentForAgentAsync(world.Agent));
    }

    private static long[] Ids(IEnumerable<CallRecord> calls) => [.. calls.Select(c => c.Id)];

    private sealed record World(long Agent, long TeamA, long TeamB, long Own, long OtherTeam, long Queued);

    // Team A: the agent; team B: another agent. Calls: the agent's own, the other agent's, and one waiting in team A's queue.
    private static async Task<World> WorldAsync(TestStore test)
    {
        var agent = (await test.Store.Users.CreateAsync(new NewUser("agent", "Agent", "hash", [Role.Agent]))).Value!;
        var otherAgent = (await test.Store.Users.CreateAsync(new NewUser("other", "Other", "hash", [Role.Agent]))).Value!;
        var teamA = (await test.Store.Teams.CreateAsync("A")).Value!;
        var teamB = (await test.Store.Teams.CreateAsync("B")).Value!;
        await test.Store.Teams.SetMemberAsync(teamA.Id, agent.Id, false);
        await test.Store.Teams.SetMemberAsync(teamB.Id, otherAgent.Id, false);
        await using var connection = await test.Database.OpenRawAsync();
        var queue = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO queues (name, team_id, created_at) VALUES ('sales', @team, 0) RETURNING id", new { team = teamA.Id });
        var now = test.Time.GetUtcNow();
        async Task<long> Call(long? agentId, long? queueId) =>
            (await test.Store.Calls.InsertAsync(new NewCallRecord(Guid.NewGuid().ToString(), CallDirection.Inbound, now)
            {
                AgentUserId = agentId,
                QueueId = queueId,
            })).Value!.Id;
        var own = await Call(agent.Id, null);
        var otherTeam = await Call(otherAgent.Id, null);
        var queued = await Call(null, queue);
        return new World(agent.Id, teamA.Id, teamB.Id, own, otherTeam, queued);
    }
}
