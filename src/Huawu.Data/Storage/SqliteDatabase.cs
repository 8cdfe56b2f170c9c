using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Huawu.Data.Storage;

/// <summary>
/// SQLite in the data directory: WAL (readers never wait for the writer), foreign keys on, a busy handler so a
/// writer waits for the lock rather than failing (<see cref="SqliteBusyWait"/>: in milliseconds, not seconds), and secure_delete so erased rows are overwritten, not just unlinked.
/// </summary>
internal sealed class SqliteDatabase : Database
{
    public const string DefaultFileName = "huawu.db";

    private const string PerConnectionPragmas =
        "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";

    static SqliteDatabase() => SQLitePCL.Batteries_V2.Init();

    private readonly string _connectionString;

    private SqliteDatabase(string connectionString, string path) : base(SqlDialect.Sqlite)
    {
        _connectionString = connectionString;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>Opens (creating if needed) the database file and switches it to WAL, which the file remembers.</summary>
    public static async Task<SqliteDatabase> OpenFileAsync(string? connectionString, string dataDirectory, CancellationToken cancellation)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? "")
        {
            DataSource = ResolvePath(connectionString, dataDirectory),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        var database = new SqliteDatabase(builder.ToString(), builder.DataSource);
        await using var connection = await database.OpenAsync(cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellation);
        return database;
    }

    /// <summary>The database file: the connection string's data source, or <c>huawu.db</c> in the data directory.</summary>
    public static string ResolvePath(string? connectionString, string dataDirectory)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString ?? "").DataSource;
        return Path.GetFullPath(string.IsNullOrEmpty(dataSource) ? Path.Combine(dataDirectory, DefaultFileName) : dataSource);
    }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellation);
            SqliteBusyWait.Install(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = PerConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellation);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // BEGIN IMMEDIATE: take the write lock now, so a read-then-write unit never fails to upgrade its lock.
    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellation) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its WAL) open; release them so the files can be backed up or replaced.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
