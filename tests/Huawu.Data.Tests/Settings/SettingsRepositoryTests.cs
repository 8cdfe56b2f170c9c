using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Settings;

public sealed class SettingsRepositoryTests
{
    [Theory, BothDatabases]
    public async Task Settings_are_set_replaced_listed_and_deleted(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var settings = test.Store.Settings;
        Assert.Null(await settings.GetAsync("dialer.max_calls_per_second"));
        await settings.SetAsync("dialer.max_calls_per_second", "20");
        await settings.SetAsync("dialer.max_calls_per_second", "30");
        await settings.SetAsync("ui.language", "zh-CN");
        Assert.Equal("30", await settings.GetAsync("dialer.max_calls_per_second"));
        Assert.Equal(new Dictionary<string, string> { ["dialer.max_calls_per_second"] = "30", ["ui.language"] = "zh-CN" }, await settings.AllAsync());
        Assert.True(await settings.DeleteAsync("ui.language"));
        Assert.False(await settings.DeleteAsync("ui.language"));
        Assert.Single(await settings.AllAsync());
    }
}
