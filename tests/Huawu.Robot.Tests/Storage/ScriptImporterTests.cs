using Huawu.Data;
using Huawu.Data.Keys;
using Huawu.Data.Storage;
using Huawu.Robot.Samples;
using Huawu.Robot.Storage;
using Huawu.Robot.Validation;
using Huawu.Testing;

namespace Huawu.Robot.Tests.Storage;

/// <summary>Importing scripts into the store (SQLite in a temporary data directory).</summary>
public sealed class ScriptImporterTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("huawu-robot-").FullName;
    private DataStore _store = null!;

    public async Task InitializeAsync()
    {
        var time = new ManualTimeProvider();
        var opened = await DataStore.OpenAsync(new DataStoreOptions(_directory, new DatabaseOptions()), KeyRing.Generate(time), time);
        _store = opened.Store ?? throw new InvalidOperationException(opened.Error);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_valid_script_is_stored_as_a_new_version_and_loads_back()
    {
        var yaml = SampleScripts.Read("loan-followup.zh.yaml")!;
        var first = await ScriptImporter.ImportAsync(_store.Scripts, yaml);
        Assert.Equal(("loan-followup-zh", 1), (first.Stored!.Name, first.Stored.Version));
        var unchanged = await ScriptImporter.ImportAsync(_store.Scripts, yaml);
        Assert.Null(unchanged.Stored);
        Assert.Equal(1, unchanged.UnchangedVersion);
        var edited = await ScriptImporter.ImportAsync(_store.Scripts, yaml.Replace("version: 1", "version: 2", StringComparison.Ordinal));
        Assert.Equal(2, edited.Stored!.Version);
        var loaded = ScriptImporter.Load((await _store.Scripts.GetAsync("loan-followup-zh", 1))!);
        Assert.Equal(1, loaded.Script!.Version);
    }

    [Fact]
    public async Task An_invalid_script_is_not_stored()
    {
        var result = await ScriptImporter.ImportAsync(_store.Scripts, "format: huawu-script/1\nname: broken\nlanguage: en\nstart: nowhere\nnodes: {}\n");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == ScriptErrorCode.UnknownTargetNode);
        Assert.Empty(await _store.Scripts.NamesAsync());
    }
}
