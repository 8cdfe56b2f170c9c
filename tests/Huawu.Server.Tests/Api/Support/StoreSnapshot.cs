using System.Data.Common;
using System.Globalization;
using Dapper;
using Huawu.Data;

namespace Huawu.Server.Tests.Api.Support;

/// <summary>
/// Every row of every table but the audit log (which grows with each request on purpose), as text with bytes in
/// hex: two snapshots compare a whole database before and after a request.
/// </summary>
internal sealed class StoreSnapshot
{
    private readonly SortedDictionary<string, List<string>> _tables;

    private StoreSnapshot(SortedDictionary<string, List<string>> tables) => _tables = tables;

    public static async Task<StoreSnapshot> CaptureAsync(DataStore store)
    {
        await using var connection = await store.Database.OpenAsync(default);
        var names = await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'");
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in names) tables[name] = await RowsAsync(connection, name);
        return new StoreSnapshot(tables);
    }

    /// <summary>The tables whose rows differ, each with the rows only the later snapshot has.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ChangesTo(StoreSnapshot later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var changes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (table, rows) in later._tables)
        {
            var before = _tables.GetValueOrDefault(table) ?? [];
            if (!before.SequenceEqual(rows)) changes[table] = [.. rows.Except(before)];
        }
        return changes;
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells[i] = reader.GetName(i) + "=" + reader.GetValue(i) switch
                {
                    DBNull => "NULL",
                    byte[] bytes => Convert.ToHexString(bytes),
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    var value => value.ToString(),
                };
            }
            rows.Add(string.Join("|", cells));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
