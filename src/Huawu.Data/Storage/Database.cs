using System.Data.Common;
using Dapper;

namespace Huawu.Data.Storage;

/// <summary>
/// One database, either provider: opens pooled connections and runs units of work. Every write runs in a
/// transaction that takes the write lock up front (SQLite BEGIN IMMEDIATE; PostgreSQL row locks, or an
/// advisory lock where a whole kind of write must be serialized), so concurrent writers queue instead of
/// failing half-way.
/// </summary>
internal abstract class Database : IAsyncDisposable
{
    static Database()
    {
        // Columns are snake_case, row types PascalCase: one convention for the whole process.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    protected Database(SqlDialect dialect) => Dialect = dialect;

    public SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Dialect.Provider;

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellation);

    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellation);

    public abstract ValueTask DisposeAsync();

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellation);
        return await work(connection);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, committed when it returns and rolled back when it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellation,
        WriterLock? serialize = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellation);
        await using var transaction = await BeginWriteAsync(connection, cancellation);
        if (serialize is { } writerLock && Dialect.SerializeWritersSql is { } lockSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(lockSql, new { @lock = (long)writerLock }, transaction, cancellationToken: cancellation));
        }
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellation);
        return result;
    }
}
