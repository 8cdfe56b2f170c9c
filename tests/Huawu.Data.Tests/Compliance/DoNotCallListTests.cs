using Dapper;
using Huawu.Data.Protection;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Compliance;

public sealed class DoNotCallListTests
{
    [Theory, BothDatabases]
    public async Task A_listed_number_is_found_in_any_spelling_and_only_its_blind_index_is_stored(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var added = await test.Store.DoNotCall.AddAsync("+86 138 1234 5678", "customer asked", "agent:1001");
        Assert.True(added.Succeeded && added.Value);

        Assert.True(await test.Store.DoNotCall.ContainsAsync("13812345678"));
        Assert.True(await test.Store.DoNotCall.ContainsAsync("008613812345678"));
        Assert.False(await test.Store.DoNotCall.ContainsAsync("13812345679"));
        Assert.False(await test.Store.DoNotCall.ContainsAsync("not a number"));
        var entry = (await test.Store.DoNotCall.FindAsync("138-1234-5678"))!;
        Assert.Equal(("customer asked", "agent:1001", test.Time.GetUtcNow()), (entry.Reason, entry.Source, entry.CreatedAt));

        await using var connection = await test.Database.OpenRawAsync();
        var stored = await connection.QuerySingleAsync<byte[]>("SELECT phone_index FROM do_not_call");
        Assert.Equal(new BlindIndex(test.Keys).Phone("+8613812345678"), stored);
    }

    [Theory, BothDatabases]
    public async Task Listing_twice_keeps_the_first_entry_and_removal_unlists(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.DoNotCall.AddAsync("13812345678", "first", "import");
        test.Time.Advance(TimeSpan.FromDays(1));
        var again = await test.Store.DoNotCall.AddAsync("13812345678", "second", "agent");
        Assert.True(again.Succeeded);
        Assert.False(again.Value);
        Assert.Equal("first", (await test.Store.DoNotCall.FindAsync("13812345678"))!.Reason);
        Assert.Equal(1, await test.Store.DoNotCall.CountAsync());

        Assert.True(await test.Store.DoNotCall.RemoveAsync("+8613812345678"));
        Assert.False(await test.Store.DoNotCall.RemoveAsync("+8613812345678"));
        Assert.False(await test.Store.DoNotCall.RemoveAsync("garbage"));
        Assert.Equal(0, await test.Store.DoNotCall.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Something_that_is_not_a_number_cannot_be_listed(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Assert.Equal(DataProblem.Invalid, (await test.Store.DoNotCall.AddAsync("call me maybe", "r", "s")).Problem);
        Assert.Equal(0, await test.Store.DoNotCall.CountAsync());
    }
}
