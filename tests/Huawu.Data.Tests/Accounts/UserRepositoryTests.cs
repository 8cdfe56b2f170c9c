using Huawu.Data.Accounts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Accounts;

public sealed class UserRepositoryTests
{
    private static NewUser Admin(string name = "Admin") => new(name, "The Administrator", "AQAAAAIAAYagAAAAE-hash", [Role.Admin]);

    [Theory, BothDatabases]
    public async Task A_created_user_reads_back_with_its_roles_and_a_folded_username(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var created = await test.Store.Users.CreateAsync(new NewUser(" Zhang.Wei ", "张伟", "hash", [Role.Supervisor, Role.QualityAuditor, Role.Supervisor]));
        Assert.True(created.Succeeded, created.Detail);
        var user = created.Value!;
        Assert.Equal("zhang.wei", user.Username);
        Assert.Equal([Role.Supervisor, Role.QualityAuditor], user.Roles);
        Assert.Equal(test.Time.GetUtcNow(), user.CreatedAt);

        Assert.Equivalent(user, await test.Store.Users.FindByUsernameAsync("ZHANG.WEI"), strict: true);
        Assert.Equivalent(user, await test.Store.Users.GetAsync(user.Id), strict: true);
        Assert.Equal(1, await test.Store.Users.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task A_taken_username_is_a_duplicate_whatever_its_case(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Assert.True((await test.Store.Users.CreateAsync(Admin("admin"))).Succeeded);
        var again = await test.Store.Users.CreateAsync(Admin("ADMIN"));
        Assert.Equal(DataProblem.Duplicate, again.Problem);
        Assert.Equal(1, await test.Store.Users.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Malformed_users_are_refused(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Users.CreateAsync(Admin("has space"))).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Users.CreateAsync(Admin(new string('a', 65)))).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Users.CreateAsync(Admin() with { Roles = [] })).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Users.CreateAsync(Admin() with { PasswordHash = " " })).Problem);
        Assert.Equal(0, await test.Store.Users.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Roles_password_and_disabling_change_one_user(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = (await test.Store.Users.CreateAsync(Admin("one"))).Value!;
        var other = (await test.Store.Users.CreateAsync(Admin("two"))).Value!;
        test.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await test.Store.Users.SetRolesAsync(user.Id, [Role.Agent]));
        Assert.True(await test.Store.Users.SetPasswordHashAsync(user.Id, "new-hash"));
        Assert.True(await test.Store.Users.SetDisabledAsync(user.Id, true));
        Assert.False(await test.Store.Users.SetRolesAsync(999, [Role.Agent]));

        var changed = (await test.Store.Users.GetAsync(user.Id))!;
        Assert.Equal([Role.Agent], changed.Roles);
        Assert.Equal("new-hash", changed.PasswordHash);
        Assert.True(changed.IsDisabled);
        Assert.Equal(test.Time.GetUtcNow(), changed.UpdatedAt);
        Assert.Equivalent(other, await test.Store.Users.GetAsync(other.Id), strict: true);
    }

    [Theory, BothDatabases]
    public async Task Login_failures_count_up_and_lock_until_a_success(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = (await test.Store.Users.CreateAsync(Admin())).Value!;
        var until = test.Time.GetUtcNow().AddMinutes(15);
        Assert.Equal(1, await test.Store.Users.RecordLoginFailureAsync(user.Id, null));
        Assert.Equal(2, await test.Store.Users.RecordLoginFailureAsync(user.Id, until));
        Assert.Equal(3, await test.Store.Users.RecordLoginFailureAsync(user.Id, null));
        var locked = (await test.Store.Users.GetAsync(user.Id))!;
        Assert.Equal(3, locked.FailedLoginCount);
        Assert.Equal(until, locked.LockedUntil);

        Assert.True(await test.Store.Users.RecordLoginSuccessAsync(user.Id));
        var cleared = (await test.Store.Users.GetAsync(user.Id))!;
        Assert.Equal(0, cleared.FailedLoginCount);
        Assert.Null(cleared.LockedUntil);
        Assert.Equal(0, await test.Store.Users.RecordLoginFailureAsync(12345, null));
    }

    [Theory, BothDatabases]
    public async Task Deleting_a_user_removes_it_and_its_roles(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = (await test.Store.Users.CreateAsync(Admin())).Value!;
        Assert.True(await test.Store.Users.DeleteAsync(user.Id));
        Assert.False(await test.Store.Users.DeleteAsync(user.Id));
        Assert.Null(await test.Store.Users.GetAsync(user.Id));
        Assert.Empty(await test.Store.Users.ListAsync());
    }
}
