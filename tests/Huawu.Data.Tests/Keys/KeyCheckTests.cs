using Huawu.Data.Keys;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Keys;

public sealed class KeyCheckTests
{
    [Theory, BothDatabases]
    public async Task A_store_opened_with_another_key_file_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.DoNotCall.AddAsync("13812345678", "asked", "agent");
        await test.Store.DisposeAsync();

        // Another ring would compute other blind indexes: the do-not-call check above would silently miss.
        var other = await DataStore.OpenAsync(test.Database.StoreOptions, KeyRing.Generate(test.Time), test.Time);
        Assert.Null(other.Store);
        Assert.Contains("the blind-index key is not the one this database was written with", other.Error, StringComparison.Ordinal);

        var store = await test.ReopenAsync(test.Keys.WithNewActiveKey(test.Time));
        Assert.True(await store.DoNotCall.ContainsAsync("13812345678"));
    }

    [Theory, BothDatabases]
    public async Task A_data_key_with_a_known_id_but_other_material_is_refused(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.DisposeAsync();
        var impostor = KeyFileDocument.From(test.Keys);
        impostor.DataKeys[0].Key = Convert.ToBase64String(new byte[32]);
        Assert.True(KeyFileDocument.TryParse(impostor.ToJson(), out var ring, out _));

        var opened = await DataStore.OpenAsync(test.Database.StoreOptions, ring, test.Time);
        Assert.Contains("data key 1 is not the one", opened.Error, StringComparison.Ordinal);
        await test.ReopenAsync();
    }
}
