using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Huawu.Data.Storage;

/// <summary>
/// A prepared multi-row INSERT reused for every batch of a bulk write: the statement is parsed and planned
/// once, and each batch only assigns parameter values. The number of rows per statement comes from the
/// dialect. Columns are typed, so NULLs need no inference.
/// </summary>
internal sealed class BulkInsert : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly (string Name, DbType Type)[] _columns;
    private readonly string _suffix;
    private DbCommand? _full;

    public BulkInsert(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string table,
        (string Name, DbType Type)[] columns, string suffix)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _suffix = suffix;
        RowsPerStatement = dialect.BulkRowsPerStatement;
    }

    public int RowsPerStatement { get; }

    /// <summary>Inserts rows, each given as one value per column (null for NULL); returns the rows the database added.</summary>
    public async Task<int> InsertAsync<T>(IReadOnlyList<T> rows, Action<T, object?[]> cells, CancellationToken cancellation)
    {
        var added = 0;
        var buffer = new object?[_columns.Length];
        for (var offset = 0; offset < rows.Count; offset += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - offset);
            var command = count == RowsPerStatement ? _full ??= await Prepare(count, cancellation) : await Prepare(count, cancellation);
            for (var row = 0; row < count; row++)
            {
                cells(rows[offset + row], buffer);
                for (var column = 0; column < _columns.Length; column++)
                {
                    command.Parameters[row * _columns.Length + column].Value = buffer[column] ?? DBNull.Value;
                }
            }
            added += await command.ExecuteNonQueryAsync(cancellation);
            if (command != _full) await command.DisposeAsync();
        }
        return added;
    }

    private async Task<DbCommand> Prepare(int rows, CancellationToken cancellation)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var sql = new StringBuilder("INSERT INTO ").Append(_table).Append(" (").AppendJoin(", ", _columns.Select(c => c.Name)).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Length; column++)
            {
                var name = "@p" + (row * _columns.Length + column).ToString(CultureInfo.InvariantCulture);
                sql.Append(column == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = _columns[column].Type;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(' ').Append(_suffix).ToString();
        await command.PrepareAsync(cancellation);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_full is not null) await _full.DisposeAsync();
    }
}
