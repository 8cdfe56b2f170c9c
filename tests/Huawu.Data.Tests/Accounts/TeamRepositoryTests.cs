using Huawu.Data.Accounts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Accounts;

public sealed class TeamRepositoryTests
{
    [Theory, BothDatabases]
    public async Task Teams_are_created_once_by_name_listed_and_deleted(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var sales = (await test.Store.Teams.CreateAsync("  销售一组 ")).Value!;
        var support = (await test.Store.Teams.CreateAsync("Support")).Value!;
        Assert.Equal("销售一组", sales.Name);
        Assert.Equal(test.Time.GetUtcNow(), sales.CreatedAt);
        Assert.Equal(DataProblem.Duplicate, (await test.Store.Teams.CreateAsync("Support")).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Teams.CreateAsync(" ")).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Teams.CreateAsync("a\nb")).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Teams.CreateAsync(new string('x', 101))).Problem);
        Assert.Equal([sales, support], await test.Store.Teams.ListAsync());
        Assert.Equal(support, await test.Store.Teams.GetAsync(support.Id));

        Assert.True(await test.Store.Teams.DeleteAsync(sales.Id));
        Assert.False(await test.Store.Teams.DeleteAsync(sales.Id));
        Assert.Null(await test.Store.Teams.GetAsync(sales.Id));
    }

    [Theory, BothDatabases]
    public async Task Members_join_change_role_and_leave_and_vanish_with_their_team(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var team = (await test.Store.Teams.CreateAsync("A")).Value!;
        var other = (await test.Store.Teams.CreateAsync("B")).Value!;
        var agent = (await test.Store.Users.CreateAsync(new NewUser("agent", "Agent", "hash", [Role.Agent]))).Value!;
        var boss = (await test.Store.Users.CreateAsync(new NewUser("boss", "Boss", "hash", [Role.Supervisor]))).Value!;

        Assert.True((await test.Store.Teams.SetMemberAsync(team.Id, agent.Id, isSupervisor: false)).Succeeded);
        Assert.True((await test.Store.Teams.SetMemberAsync(team.Id, boss.Id, isSupervisor: false)).Succeeded);
        Assert.True((await test.Store.Teams.SetMemberAsync(team.Id, boss.Id, isSupervisor: true)).Succeeded);
        Assert.True((await test.Store.Teams.SetMemberAsync(other.Id, boss.Id, isSupervisor: true)).Succeeded);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Teams.SetMemberAsync(999, agent.Id, false)).Problem);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Teams.SetMemberAsync(team.Id, 999, false)).Problem);

        Assert.Equal([new TeamMember(team.Id, agent.Id, false), new TeamMember(team.Id, boss.Id, true)], await test.Store.Teams.MembersAsync(team.Id));
        Assert.Equal([new TeamMember(team.Id, boss.Id, true), new TeamMember(other.Id, boss.Id, true)],
            await test.Store.Teams.MembershipsAsync(boss.Id));

        Assert.True(await test.Store.Teams.RemoveMemberAsync(team.Id, agent.Id));
        Assert.False(await test.Store.Teams.RemoveMemberAsync(team.Id, agent.Id));
        Assert.True(await test.Store.Teams.DeleteAsync(other.Id));
        Assert.Equal([new TeamMember(team.Id, boss.Id, true)], await test.Store.Teams.MembershipsAsync(boss.Id));
    }
}
