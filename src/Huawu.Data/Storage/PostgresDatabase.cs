using System.Data.Common;
using Npgsql;

namespace Huawu.Data.Storage;

/// <summary>PostgreSQL through one pooled Npgsql data source: the shared store when several nodes run.</summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource, string connectionString) : Database(SqlDialect.Postgres)
{
    public string ConnectionString { get; } = connectionString;

    public static PostgresDatabase Open(string connectionString) =>
        new(NpgsqlDataSource.Create(connectionString), connectionString);

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellation) =>
        await dataSource.OpenConnectionAsync(cancellation);

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellation) =>
        connection.BeginTransactionAsync(cancellation);

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
