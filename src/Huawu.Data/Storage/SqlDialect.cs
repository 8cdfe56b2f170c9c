namespace Huawu.Data.Storage;

/// <summary>
/// Where SQLite and PostgreSQL SQL must differ. Everything else (RETURNING, ON CONFLICT, keyset paging) is
/// written once; this seam stays small on purpose.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(DatabaseProvider.Sqlite, "Sqlite",
        keyIdOf: column => $"substr({column}, 2, 4)",
        serializeWriters: null,
        bulkRowsPerStatement: 1,
        skipLocked: "");

    public static readonly SqlDialect Postgres = new(DatabaseProvider.Postgres, "Postgres",
        keyIdOf: column => $"substring({column} from 2 for 4)",
        serializeWriters: "SELECT pg_advisory_xact_lock(@lock)",
        bulkRowsPerStatement: 100,
        skipLocked: " FOR UPDATE SKIP LOCKED");

    private readonly Func<string, string> _keyIdOf;

    private SqlDialect(DatabaseProvider provider, string migrationFolder, Func<string, string> keyIdOf, string? serializeWriters,
        int bulkRowsPerStatement, string skipLocked)
    {
        SkipLocked = skipLocked;
        Provider = provider;
        MigrationFolder = migrationFolder;
        _keyIdOf = keyIdOf;
        SerializeWritersSql = serializeWriters;
        BulkRowsPerStatement = bulkRowsPerStatement;
    }

    public DatabaseProvider Provider { get; }

    public string MigrationFolder { get; }

    /// <summary>
    /// SQL that makes writers of one kind (migrations, audit appends) wait for each other inside a transaction.
    /// PostgreSQL: a transaction-scoped advisory lock, which works across nodes. SQLite: none is needed, as
    /// every write transaction starts with BEGIN IMMEDIATE and so holds the database's single write lock.
    /// </summary>
    public string? SerializeWritersSql { get; }

    /// <summary>
    /// Rows per multi-row INSERT in bulk writes. PostgreSQL pays a network round trip per statement, so many rows
    /// share one. SQLite runs in-process (no round trip) and binds parameters by name with a linear search, so
    /// a prepared one-row statement executed repeatedly is its fastest form.
    /// </summary>
    public int BulkRowsPerStatement { get; }

    /// <summary>
    /// Appended to a work queue's SELECT: PostgreSQL locks the rows it picks and skips those another node holds, so nodes
    /// claim disjoint work without waiting. SQLite needs nothing: its write transaction already excludes every other writer.
    /// </summary>
    public string SkipLocked { get; }

    /// <summary>
    /// <c>column</c> is one of the values of a list parameter. Dapper expands a list into <c>IN (@p1, @p2…)</c> on SQLite,
    /// while Npgsql sends it as one PostgreSQL array, which needs <c>= ANY(@p)</c>.
    /// </summary>
    public string InList(string column, string parameter) =>
        Provider == DatabaseProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>The four key-id bytes of an encrypted envelope column (bytes 2-5, 1-based), compared without decrypting.</summary>
    public string KeyIdOf(string column) => _keyIdOf(column);

    public static SqlDialect For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? Postgres : Sqlite;
}
