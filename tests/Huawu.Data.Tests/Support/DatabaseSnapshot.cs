using System.Data.Common;
using System.Globalization;
using Dapper;
using Huawu.Data.Storage;

namespace Huawu.Data.Tests.Support;

/// <summary>Every row of every table as text (bytes as hex), for comparing a whole database before and after.</summary>
public static class DatabaseSnapshot
{
    public static async Task<SortedDictionary<string, List<string>>> CaptureAsync(TestDatabase database)
    {
        await using var connection = await database.OpenRawAsync();
        var tables = await connection.QueryAsync<string>(database.Provider == DatabaseProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables) snapshot[table] = await RowsAsync(connection, table);
        return snapshot;
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var cells = new string[reader.FieldCount];
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
