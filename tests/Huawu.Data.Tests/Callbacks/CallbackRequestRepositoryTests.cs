using Huawu.Data.Erasure;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Callbacks;

public sealed class CallbackRequestRepositoryTests
{
    [Theory, BothDatabases]
    public async Task A_promised_callback_is_listed_with_the_calls_number_until_closed_once(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var now = test.Time.GetUtcNow();
        await Seed.CallAsync(test.Store, "+8613812345678", now, "call-a");
        test.Time.Advance(TimeSpan.FromMinutes(1));
        await Seed.CallAsync(test.Store, "+8613900001111", now, "call-b");

        var first = (await test.Store.Callbacks.AddAsync("call-a", "busy", new DateOnly(2026, 1, 6), new TimeOnly(15, 0))).Value!;
        var second = (await test.Store.Callbacks.AddAsync("call-b", "callback", null)).Value!;
        Assert.Equal(DataProblem.Duplicate, (await test.Store.Callbacks.AddAsync("call-a", "busy", null)).Problem);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Callbacks.AddAsync("no-such-call", "busy", null)).Problem);

        var open = await test.Store.Callbacks.OpenAsync();
        Assert.Equal([(first.Id, "+8613812345678", "busy", (DateOnly?)new DateOnly(2026, 1, 6)), (second.Id, "+8613900001111", "callback", null)],
            open.Select(r => (r.Id, r.Phone!, r.Outcome, r.RequestedDate)));
        Assert.Equal(("call-a", (TimeOnly?)new TimeOnly(15, 0), (TimeOnly?)null), (open[0].CallUuid, open[0].RequestedTime, open[1].RequestedTime));

        Assert.True(await test.Store.Callbacks.CloseAsync(first.Id, "cli:ops"));
        Assert.False(await test.Store.Callbacks.CloseAsync(first.Id, "cli:ops"));
        Assert.Equal([second.Id], (await test.Store.Callbacks.OpenAsync()).Select(r => r.Id));
    }

    [Theory, BothDatabases]
    public async Task Erasing_the_callee_withdraws_the_callback_promised_to_them(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await Seed.CallAsync(test.Store, "+8613812345678", test.Time.GetUtcNow(), "call-a");
        await Seed.CallAsync(test.Store, "+8613900001111", test.Time.GetUtcNow(), "call-b");
        await test.Store.Callbacks.AddAsync("call-a", "busy", null);
        await test.Store.Callbacks.AddAsync("call-b", "busy", null);

        Assert.True((await new PersonalDataEraser(test.Store).EraseByPhoneAsync("13812345678", "cli:root")).Succeeded);
        Assert.Equal(["call-b"], (await test.Store.Callbacks.OpenAsync()).Select(r => r.CallUuid));
    }
}
