using Huawu.Data.Keys;
using Huawu.Data.Storage;
using Huawu.Testing;

namespace Huawu.Data.Tests.Support;

/// <summary>An opened <see cref="DataStore"/> on a fresh <see cref="TestDatabase"/>, with fake time and its own keys.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(TestDatabase database, ManualTimeProvider time, KeyRing keys, DataStore store)
    {
        Database = database;
        Time = time;
        Keys = keys;
        Store = store;
    }

    public TestDatabase Database { get; }

    public ManualTimeProvider Time { get; }

    public KeyRing Keys { get; }

    public DataStore Store { get; private set; }

    public DatabaseProvider Provider => Database.Provider;

    public static async Task<TestStore> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var time = new ManualTimeProvider();
        var keys = KeyRing.Generate(time);
        var opened = await DataStore.OpenAsync(database.StoreOptions, keys, time);
        Assert.True(opened.Store is not null, opened.Error);
        return new TestStore(database, time, keys, opened.Store);
    }

    /// <summary>Closes the store and opens it again, as a restarted process would (optionally with other keys).</summary>
    public async Task<DataStore> ReopenAsync(KeyRing? keys = null)
    {
        await Store.DisposeAsync();
        var opened = await DataStore.OpenAsync(Database.StoreOptions, keys ?? Keys, Time);
        Assert.True(opened.Store is not null, opened.Error);
        Store = opened.Store;
        return Store;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Database.DisposeAsync();
    }
}
