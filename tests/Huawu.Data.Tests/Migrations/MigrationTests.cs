using System.Data.Common;
using Dapper;
using Huawu.Data.Keys;
using Huawu.Data.Migrations;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Testing;

namespace Huawu.Data.Tests.Migrations;

public sealed class MigrationTests
{
    private static readonly string[] ProductTables =
    [
        "users", "roles", "user_roles", "api_tokens", "teams", "team_members", "extensions", "agents", "skills",
        "agent_skills", "queues", "queue_skills", "queue_members", "trunks", "numbers", "contact_lists", "contacts",
        "campaigns", "call_attempts", "calls", "call_legs", "call_events", "call_variables", "recordings",
        "transcript_segments", "scripts", "script_versions", "dispositions", "do_not_call", "consents", "audit_log",
        "retention_policies", "settings", "key_fingerprints", "sessions",
    ];

    [Theory, BothDatabases]
    public async Task A_fresh_database_gets_every_table_and_records_its_version(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var newest = MigrationCatalog.For(SqlDialect.For(provider))[^1].Version;
        Assert.Equal(newest, test.Store.SchemaVersion);

        await using var connection = await test.Database.OpenRawAsync();
        foreach (var table in ProductTables)
        {
            Assert.True(await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}") >= 0);
        }
        Assert.Equal(6, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM roles"));
        Assert.Equal(newest, await connection.ExecuteScalarAsync<long>("SELECT max(version) FROM schema_version"));
    }

    [Theory, BothDatabases]
    public async Task Opening_again_applies_nothing_and_keeps_the_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new ManualTimeProvider();
        var db = await database.OpenUnmigratedAsync();
        await using (db)
        {
            var first = await Migrator.MigrateAsync(db, time, default);
            Assert.NotEmpty(first.Applied);
            await db.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 1)", transaction: t), default);

            var second = await Migrator.MigrateAsync(db, time, default);
            Assert.True(second.Succeeded);
            Assert.Empty(second.Applied);
            Assert.Equal(first.Version, second.Version);
            Assert.Equal("v", await db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT value FROM settings WHERE key = 'k'"), default));
            Assert.Equal(1, await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version WHERE version = 1"), default));
        }
    }

    [Theory, BothDatabases]
    public async Task A_database_with_a_newer_schema_is_refused_untouched(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new ManualTimeProvider();
        var keys = KeyRing.Generate(time);
        await (await DataStore.OpenAsync(database.StoreOptions, keys, time)).Store!.DisposeAsync();
        await using (var connection = await database.OpenRawAsync())
        {
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (999, 'future', 'x', 1)");
        }

        var reopened = await DataStore.OpenAsync(database.StoreOptions, keys, time);
        Assert.Null(reopened.Store);
        Assert.Contains("version 999, newer than this Huawu knows", reopened.Error, StringComparison.Ordinal);
        await using var check = await database.OpenRawAsync();
        Assert.Equal(999, await check.ExecuteScalarAsync<long>("SELECT max(version) FROM schema_version"));
    }

    [Theory, BothDatabases]
    public async Task A_changed_script_for_an_applied_version_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenUnmigratedAsync();
        var time = new ManualTimeProvider();
        Assert.True((await Migrator.MigrateAsync(db, [new Migration(1, "one", "CREATE TABLE one (id INTEGER)")], time, default)).Succeeded);
        var edited = await Migrator.MigrateAsync(db, [new Migration(1, "one", "CREATE TABLE one (id BIGINT)")], time, default);
        Assert.False(edited.Succeeded);
        Assert.Contains("migration 1 (one)", edited.Error, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_failing_migration_leaves_nothing_behind(DatabaseProvider provider)
    {
        // Every pending migration runs in one transaction: DDL is transactional on both databases.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenUnmigratedAsync();
        var time = new ManualTimeProvider();
        Migration[] broken = [new(1, "one", "CREATE TABLE one (id INTEGER)"), new(2, "two", "CREATE TABLE two (id INTEGER); THIS IS NOT SQL")];
        await Assert.ThrowsAnyAsync<DbException>(() => Migrator.MigrateAsync(db, broken, time, default));

        await using var connection = await database.OpenRawAsync();
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM one"));
        // Even the version table, created in the same transaction, is gone.
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version"));
    }

    [Theory, BothDatabases]
    public async Task Nodes_starting_together_apply_each_migration_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new ManualTimeProvider();
        var nodes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.OpenUnmigratedAsync())));
        try
        {
            var results = await Task.WhenAll(nodes.Select(db => Task.Run(() => Migrator.MigrateAsync(db, time, default))));
            Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
            Assert.Single(results, r => r.Applied.Count > 0);
            Assert.Equal(MigrationCatalog.For(SqlDialect.For(provider)).Count,
                await nodes[0].ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version"), default));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}
