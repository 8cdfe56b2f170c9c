using Dapper;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Accounts;

public sealed class SessionRepositoryTests
{
    [Theory, BothDatabases]
    public async Task A_session_is_found_by_its_secret_until_it_expires(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = await ApiTokenRepositoryTests.UserAsync(test);
        var started = (await test.Store.Sessions.StartAsync(user.Id, test.Time.GetUtcNow().AddHours(8))).Value!;
        Assert.StartsWith("hws_", started.Secret, StringComparison.Ordinal);
        Assert.Equal(started.Session, await test.Store.Sessions.FindActiveAsync(started.Secret));
        Assert.Null(await test.Store.Sessions.FindActiveAsync("hwt_" + started.Secret[4..]));

        test.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await test.Store.Sessions.TouchAsync(started.Session.Id));
        Assert.Equal(test.Time.GetUtcNow(), (await test.Store.Sessions.FindActiveAsync(started.Secret))!.LastSeenAt);

        test.Time.Advance(TimeSpan.FromHours(8));
        Assert.Null(await test.Store.Sessions.FindActiveAsync(started.Secret));
        Assert.Equal(DataProblem.NotFound, (await test.Store.Sessions.StartAsync(999, test.Time.GetUtcNow().AddHours(1))).Problem);
    }

    [Theory, BothDatabases]
    public async Task Ending_sessions_one_or_all_but_one_and_purging_old_ones(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = await ApiTokenRepositoryTests.UserAsync(test);
        var expires = test.Time.GetUtcNow().AddHours(8);
        var first = (await test.Store.Sessions.StartAsync(user.Id, expires)).Value!;
        var second = (await test.Store.Sessions.StartAsync(user.Id, expires)).Value!;
        var third = (await test.Store.Sessions.StartAsync(user.Id, expires)).Value!;

        Assert.True(await test.Store.Sessions.EndAsync(first.Session.Id));
        Assert.False(await test.Store.Sessions.EndAsync(first.Session.Id));
        Assert.Null(await test.Store.Sessions.FindActiveAsync(first.Secret));
        Assert.Equal(1, await test.Store.Sessions.EndAllAsync(user.Id, exceptSessionId: third.Session.Id));
        Assert.Null(await test.Store.Sessions.FindActiveAsync(second.Secret));
        Assert.NotNull(await test.Store.Sessions.FindActiveAsync(third.Secret));

        test.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await test.Store.Sessions.PurgeAsync(test.Time.GetUtcNow()));
        await using var connection = await test.Database.OpenRawAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sessions"));
        Assert.Equal(1, await test.Store.Sessions.EndAllAsync(user.Id));
    }
}
