using Huawu.Data;
using Huawu.Data.Keys;
using Huawu.Data.Storage;
using Huawu.Testing.Postgres;
using Npgsql;

namespace Huawu.Benchmarks.Data;

/// <summary>A fresh store for a benchmark process: SQLite in a temp folder, or a database on a throw-away PostgreSQL cluster.</summary>
internal sealed class BenchmarkStore : IAsyncDisposable
{
    private readonly string _directory;
    private readonly PostgresCluster? _cluster;

    private BenchmarkStore(string directory, PostgresCluster? cluster, DataStore store)
    {
        _directory = directory;
        _cluster = cluster;
        Store = store;
    }

    public DataStore Store { get; }

    public static async Task<BenchmarkStore> CreateAsync(DatabaseProvider provider)
    {
        var directory = Directory.CreateTempSubdirectory("huawu-bench-").FullName;
        var options = new DatabaseOptions { Provider = provider };
        PostgresCluster? cluster = null;
        if (provider == DatabaseProvider.Postgres)
        {
            cluster = PostgresCluster.Start();
            await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
            await admin.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE DATABASE bench", admin)) await create.ExecuteNonQueryAsync();
            options.ConnectionString = cluster.ConnectionString("bench");
        }
        var opened = await DataStore.OpenAsync(new DataStoreOptions(directory, options), KeyRing.Generate(TimeProvider.System), TimeProvider.System);
        return new BenchmarkStore(directory, cluster, opened.Store ?? throw new InvalidOperationException(opened.Error));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        _cluster?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
