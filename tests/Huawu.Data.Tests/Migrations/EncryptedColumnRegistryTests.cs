using Dapper;
using Huawu.Data.Protection;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Migrations;

public sealed class EncryptedColumnRegistryTests
{
    [Theory, BothDatabases]
    public async Task Every_encrypted_column_in_the_schema_is_in_the_rotation_registry(DatabaseProvider provider)
    {
        // Key rotation and key retirement walk the registry: a column it missed would keep an old key alive forever.
        await using var test = await TestStore.CreateAsync(provider);
        await using var connection = await test.Database.OpenRawAsync();
        var columns = await connection.QueryAsync<(string Table, string Column)>(provider == DatabaseProvider.Postgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%\\_enc'"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name LIKE '%\\_enc' ESCAPE '\\'");
        Assert.Equal(
            EncryptedColumns.All.Select(c => $"{c.Table}.{c.Column}").Order(StringComparer.Ordinal),
            columns.Select(c => $"{c.Table}.{c.Column}").Order(StringComparer.Ordinal));
    }
}
