using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Compliance;

public sealed class ConsentRepositoryTests
{
    [Theory, BothDatabases]
    public async Task The_latest_record_per_purpose_is_current_and_the_history_keeps_every_one(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var consents = test.Store.Consents;
        Assert.True((await consents.RecordAsync("13812345678", "recording", true, "ivr")).Succeeded);
        test.Time.Advance(TimeSpan.FromMinutes(5));
        await consents.RecordAsync("+8613812345678", "marketing", true, "web form");
        test.Time.Advance(TimeSpan.FromDays(3));
        var withdrawn = (await consents.RecordAsync("138 1234 5678", "recording", false, "agent", callId: null)).Value!;

        var current = (await consents.CurrentAsync("13812345678", "recording"))!;
        Assert.Equal(withdrawn, current);
        Assert.False(current.Granted);
        Assert.True((await consents.CurrentAsync("13812345678", "marketing"))!.Granted);
        Assert.Null(await consents.CurrentAsync("13812345678", "surveys"));
        Assert.Null(await consents.CurrentAsync("13900000000", "recording"));

        var history = await consents.HistoryAsync("008613812345678");
        Assert.Equal([("recording", true), ("marketing", true), ("recording", false)], history.Select(c => (c.Purpose, c.Granted)));
        Assert.Empty(await consents.HistoryAsync("nonsense"));
    }

    [Theory, BothDatabases]
    public async Task A_consent_for_something_that_is_not_a_number_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Consents.RecordAsync("x", "recording", true, "ivr")).Problem);
    }
}
