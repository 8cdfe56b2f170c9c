using System.Diagnostics;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Storage;

/// <summary>
/// Two writers meeting on SQLite's lock. The bundled SQLite sleeps whole seconds in its own busy handler (built
/// without HAVE_USLEEP), so these fail if the store's connections fall back to it.
/// </summary>
public sealed class SqliteBusyWaitTests
{
    [Fact]
    public async Task A_writer_waits_for_a_short_lock_in_milliseconds_not_seconds()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var database = await SqliteDatabase.OpenFileAsync(null, test.DataDirectory, default);
        await using var holder = await database.OpenAsync(default);
        await Execute(holder, "CREATE TABLE t (v INTEGER)");
        await Execute(holder, "BEGIN IMMEDIATE");
        await Execute(holder, "INSERT INTO t VALUES (1)");

        var clock = Stopwatch.StartNew();
        var waiter = Task.Run(async () =>
        {
            await using var connection = await database.OpenAsync(default);
            await Execute(connection, "INSERT INTO t VALUES (2)");
            return clock.Elapsed;
        });
        await Task.Delay(100);
        Assert.False(waiter.IsCompleted, "the second writer should wait for the lock");
        await Execute(holder, "COMMIT");
        var committed = clock.Elapsed;

        // Counted from the commit: the millisecond handler lets the writer through at once; the whole-second one
        // sleeps on until a second after its first try (~900 ms after this commit). Half-way leaves room for load.
        var through = await waiter - committed;
        Assert.InRange(through, TimeSpan.Zero, TimeSpan.FromMilliseconds(450));
        await using var check = holder.CreateCommand();
        check.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(2L, (long)(await check.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_store_sets_no_busy_timeout_that_would_replace_the_handler()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var database = await SqliteDatabase.OpenFileAsync(null, test.DataDirectory, default);
        await using var connection = await database.OpenAsync(default);
        await using var command = connection.CreateCommand();
        // PRAGMA busy_timeout reports 0 once a custom busy handler is installed (and would uninstall it if set).
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
