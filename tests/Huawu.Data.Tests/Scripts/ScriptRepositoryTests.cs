using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Scripts;

public sealed class ScriptRepositoryTests
{
    [Theory, BothDatabases]
    public async Task Versions_are_numbered_per_script_and_an_unchanged_body_is_not_stored_twice(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var scripts = test.Store.Scripts;
        var first = await scripts.AddVersionAsync("loan", "v: 1", null);
        var other = await scripts.AddVersionAsync("survey", "v: 1", null);
        test.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await scripts.AddVersionAsync("loan", "v: 2", null);
        var again = await scripts.AddVersionAsync("loan", "v: 2", null);

        Assert.Equal((1, 1, 2), (first.Value!.Version, other.Value!.Version, second.Value!.Version));
        Assert.Equal(DataProblem.Duplicate, again.Problem);
        Assert.Contains("version 2", again.Detail, StringComparison.Ordinal);
        Assert.Equal("v: 2", (await scripts.LatestAsync("loan"))!.Body);
        Assert.Equal("v: 1", (await scripts.GetAsync("loan", 1))!.Body);
        Assert.Equal(second.Value, await scripts.GetAsync(second.Value.Id));
        Assert.Equal([1, 2], (await scripts.VersionsAsync("loan")).Select(v => v.Version));
        Assert.Equal(test.Time.GetUtcNow(), (await scripts.LatestAsync("loan"))!.CreatedAt);
        Assert.Equal(["loan", "survey"], await scripts.NamesAsync());
        Assert.Null(await scripts.LatestAsync("missing"));
        Assert.Equal(DataProblem.Invalid, (await scripts.AddVersionAsync(" ", "x", null)).Problem);
    }

    [Theory, BothDatabases]
    public async Task Concurrent_imports_of_one_script_get_consecutive_versions(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => test.Store.Scripts.AddVersionAsync("loan", $"v: {i}", null)));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Detail));
        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Value!.Version).Order());
    }
}
