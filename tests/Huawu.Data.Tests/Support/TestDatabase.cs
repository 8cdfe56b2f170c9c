using Huawu.Data.Storage;
using Huawu.Testing.Postgres;
using Npgsql;

namespace Huawu.Data.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a new data directory, or a new database on the
/// shared PostgreSQL cluster (dropped afterwards). The data directory exists for both (recordings, keys).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string dataDirectory, string? postgresName)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        PostgresName = postgresName;
        Options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = postgresName is null ? null : PostgresCluster.Shared.ConnectionString(postgresName),
        };
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    public string? PostgresName { get; }

    public DatabaseOptions Options { get; }

    public DataStoreOptions StoreOptions => new(DataDirectory, Options);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("huawu-data-").FullName;
        if (provider == DatabaseProvider.Sqlite) return new TestDatabase(provider, dataDirectory, null);
        var name = "huawu_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var admin = new NpgsqlConnection(PostgresCluster.Shared.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new TestDatabase(provider, dataDirectory, name);
    }

    /// <summary>The database as the store opens it, before any migration: for tests that migrate it themselves.</summary>
    internal async Task<Database> OpenUnmigratedAsync() =>
        Provider == DatabaseProvider.Postgres
            ? PostgresDatabase.Open(Options.ConnectionString!)
            : await SqliteDatabase.OpenFileAsync(null, DataDirectory, default);

    /// <summary>A raw connection for tests that play the attacker or inspect what was stored.</summary>
    public async Task<System.Data.Common.DbConnection> OpenRawAsync()
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(Options.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "huawu.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresCluster.Shared.ConnectionString("postgres"));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(DataDirectory, recursive: true);
    }
}
