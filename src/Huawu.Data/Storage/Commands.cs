using System.Data.Common;
using Dapper;

namespace Huawu.Data.Storage;

/// <summary>Dapper calls with the transaction and cancellation every repository passes; parameters only, never concatenated values.</summary>
internal static class Commands
{
    public static Task<int> Exec(this DbConnection connection, string sql, object? parameters, DbTransaction? transaction,
        CancellationToken cancellation) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellation));

    public static Task<T?> Scalar<T>(this DbConnection connection, string sql, object? parameters, DbTransaction? transaction,
        CancellationToken cancellation) =>
        connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellation));

    public static async Task<List<T>> List<T>(this DbConnection connection, string sql, object? parameters, DbTransaction? transaction,
        CancellationToken cancellation) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellation))).AsList();

    public static Task<T?> FirstOrDefault<T>(this DbConnection connection, string sql, object? parameters, DbTransaction? transaction,
        CancellationToken cancellation) =>
        connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellation));
}
