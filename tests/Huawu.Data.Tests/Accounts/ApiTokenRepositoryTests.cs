using Dapper;
using Huawu.Data.Accounts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Accounts;

public sealed class ApiTokenRepositoryTests
{
    [Theory, BothDatabases]
    public async Task A_token_is_found_by_its_secret_which_is_stored_only_as_a_hash(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = await UserAsync(test);
        var issued = (await test.Store.ApiTokens.IssueAsync(user.Id, " crm ", test.Time.GetUtcNow().AddDays(30))).Value!;
        Assert.StartsWith("hwt_", issued.Secret, StringComparison.Ordinal);
        Assert.Equal("crm", issued.Token.Name);
        Assert.Equal(issued.Token, await test.Store.ApiTokens.FindActiveAsync(issued.Secret));

        await using var connection = await test.Database.OpenRawAsync();
        var stored = await connection.ExecuteScalarAsync<byte[]>("SELECT token_hash FROM api_tokens");
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(issued.Secret)), stored);
        Assert.Null(await test.Store.ApiTokens.FindActiveAsync(issued.Secret[..^1] + (issued.Secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await test.Store.ApiTokens.FindActiveAsync("hwt_' OR 1=1 --"));
    }

    [Theory, BothDatabases]
    public async Task A_token_stops_working_when_it_expires_or_is_revoked_by_its_owner(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = await UserAsync(test);
        var other = (await test.Store.Users.CreateAsync(new NewUser("other", "Other", "hash", [Role.Agent]))).Value!;
        var expiring = (await test.Store.ApiTokens.IssueAsync(user.Id, "short", test.Time.GetUtcNow().AddHours(1))).Value!;
        var revoked = (await test.Store.ApiTokens.IssueAsync(user.Id, "revoked", null)).Value!;

        Assert.False(await test.Store.ApiTokens.RevokeAsync(other.Id, revoked.Token.Id));
        Assert.True(await test.Store.ApiTokens.RevokeAsync(user.Id, revoked.Token.Id));
        Assert.False(await test.Store.ApiTokens.RevokeAsync(user.Id, revoked.Token.Id));
        Assert.Null(await test.Store.ApiTokens.FindActiveAsync(revoked.Secret));
        Assert.NotNull(await test.Store.ApiTokens.FindActiveAsync(expiring.Secret));

        test.Time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await test.Store.ApiTokens.FindActiveAsync(expiring.Secret));
        var listed = await test.Store.ApiTokens.ListForUserAsync(user.Id);
        Assert.Equal(["revoked", "short"], listed.Select(t => t.Name));
        Assert.All(listed, t => Assert.False(t.IsActiveAt(test.Time.GetUtcNow())));
        Assert.Empty(await test.Store.ApiTokens.ListForUserAsync(other.Id));
    }

    [Theory, BothDatabases]
    public async Task Revoking_all_ends_every_token_and_use_is_recorded(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var user = await UserAsync(test);
        var one = (await test.Store.ApiTokens.IssueAsync(user.Id, "one", null)).Value!;
        var two = (await test.Store.ApiTokens.IssueAsync(user.Id, "two", null)).Value!;
        test.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await test.Store.ApiTokens.RecordUseAsync(one.Token.Id));
        Assert.Equal(test.Time.GetUtcNow(), (await test.Store.ApiTokens.FindActiveAsync(one.Secret))!.LastUsedAt);

        Assert.Equal(2, await test.Store.ApiTokens.RevokeAllAsync(user.Id));
        Assert.Null(await test.Store.ApiTokens.FindActiveAsync(one.Secret));
        Assert.Null(await test.Store.ApiTokens.FindActiveAsync(two.Secret));
        Assert.Equal(DataProblem.NotFound, (await test.Store.ApiTokens.IssueAsync(999, "x", null)).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.ApiTokens.IssueAsync(user.Id, "", null)).Problem);
    }

    internal static async Task<User> UserAsync(TestStore test) =>
        (await test.Store.Users.CreateAsync(new NewUser("integrator", "Integrator", "hash", [Role.Admin]))).Value!;
}
