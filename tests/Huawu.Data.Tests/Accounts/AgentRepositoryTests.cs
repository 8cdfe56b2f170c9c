using Huawu.Data.Accounts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Accounts;

public sealed class AgentRepositoryTests
{
    [Theory, BothDatabases]
    public async Task An_extension_has_one_agent_who_can_move_to_another_and_leaves_with_their_account(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var ann = (await test.Store.Users.CreateAsync(new NewUser("ann", "Ann", "hash", [Role.Agent]))).Value!;
        var bob = (await test.Store.Users.CreateAsync(new NewUser("bob", "Bob", "hash", [Role.Agent]))).Value!;
        Assert.Null(await test.Store.Agents.FindUserByExtensionAsync("1001"));

        Assert.Equal("1001", (await test.Store.Agents.SetExtensionAsync(ann.Id, "1001")).Value);
        Assert.True((await test.Store.Agents.SetExtensionAsync(bob.Id, "1002")).Succeeded);
        Assert.Equal(ann.Id, await test.Store.Agents.FindUserByExtensionAsync("1001"));
        Assert.Equal(bob.Id, await test.Store.Agents.FindUserByExtensionAsync("1002"));

        // Bob takes 1001 over: Ann no longer has it, and Bob's old extension is nobody's.
        Assert.True((await test.Store.Agents.SetExtensionAsync(bob.Id, "1001")).Succeeded);
        Assert.Equal(bob.Id, await test.Store.Agents.FindUserByExtensionAsync("1001"));
        Assert.Null(await test.Store.Agents.FindUserByExtensionAsync("1002"));
        Assert.True((await test.Store.Agents.SetExtensionAsync(ann.Id, "1002")).Succeeded);
        Assert.Equal(ann.Id, await test.Store.Agents.FindUserByExtensionAsync("1002"));

        Assert.True(await test.Store.Users.DeleteAsync(bob.Id));
        Assert.Null(await test.Store.Agents.FindUserByExtensionAsync("1001"));
    }

    [Theory, BothDatabases]
    public async Task Malformed_extensions_and_missing_users_are_refused(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var ann = (await test.Store.Users.CreateAsync(new NewUser("ann", "Ann", "hash", [Role.Agent]))).Value!;
        foreach (var bad in new[] { "", "10 01", "sip:1001@host", "1001;x", new string('1', 33) })
        {
            Assert.Equal(DataProblem.Invalid, (await test.Store.Agents.SetExtensionAsync(ann.Id, bad)).Problem);
        }
        Assert.Equal(DataProblem.NotFound, (await test.Store.Agents.SetExtensionAsync(999, "1001")).Problem);
        Assert.Null(await test.Store.Agents.FindUserByExtensionAsync("1001"));
        Assert.True((await test.Store.Agents.SetExtensionAsync(ann.Id, "agent-7.b_2")).Succeeded);
    }

    [Theory, BothDatabases]
    public async Task An_agents_extension_is_found_by_user_name_whatever_its_case(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var ann = (await test.Store.Users.CreateAsync(new NewUser("ann", "Ann", "hash", [Role.Agent]))).Value!;
        await test.Store.Users.CreateAsync(new NewUser("bob", "Bob", "hash", [Role.Agent]));
        Assert.Null(await test.Store.Agents.FindExtensionOfUserAsync("ann"));
        Assert.True((await test.Store.Agents.SetExtensionAsync(ann.Id, "1001")).Succeeded);
        Assert.Equal("1001", await test.Store.Agents.FindExtensionOfUserAsync("Ann"));
        // A user without an extension, one who does not exist, and a name no user can have.
        Assert.Null(await test.Store.Agents.FindExtensionOfUserAsync("bob"));
        Assert.Null(await test.Store.Agents.FindExtensionOfUserAsync("carol"));
        Assert.Null(await test.Store.Agents.FindExtensionOfUserAsync("not a name!"));
    }
}
