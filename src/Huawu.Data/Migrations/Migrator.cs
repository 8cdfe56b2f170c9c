using System.Data.Common;
using Dapper;
using Huawu.Data.Storage;

namespace Huawu.Data.Migrations;

/// <summary>
/// Brings a database to the newest schema this build knows, at start: every pending migration in one
/// transaction (all or nothing; both databases have transactional DDL), recorded in <c>schema_version</c>.
/// Two nodes starting together queue on the migrations lock. A database whose schema is newer than this
/// build, or whose applied scripts differ from this build's, is refused: nothing is applied to it.
/// </summary>
internal static class Migrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """;

    public static Task<MigrationResult> MigrateAsync(Database database, TimeProvider time, CancellationToken cancellation) =>
        MigrateAsync(database, MigrationCatalog.For(database.Dialect), time, cancellation);

    public static async Task<MigrationResult> MigrateAsync(Database database, IReadOnlyList<Migration> migrations,
        TimeProvider time, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(time);
        return await database.WriteAsync((connection, transaction) => Apply(connection, transaction, migrations, time, cancellation),
            cancellation, WriterLock.Migrations);
    }

    private static async Task<MigrationResult> Apply(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<Migration> migrations, TimeProvider time, CancellationToken cancellation)
    {
        await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, transaction: transaction, cancellationToken: cancellation));
        var applied = (await connection.QueryAsync<AppliedRow>(new CommandDefinition(
            "SELECT version, checksum FROM schema_version ORDER BY version", transaction: transaction, cancellationToken: cancellation))).ToList();
        var current = applied.Count == 0 ? 0 : applied[^1].Version;
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > newest)
        {
            return MigrationResult.Refused(current,
                $"the database schema is version {current}, newer than this Huawu knows ({newest}); upgrade Huawu, or restore a backup made by this version");
        }
        foreach (var row in applied)
        {
            var known = migrations.First(m => m.Version == row.Version);
            if (!string.Equals(known.Checksum, row.Checksum, StringComparison.Ordinal))
            {
                return MigrationResult.Refused(current,
                    $"migration {row.Version} ({known.Name}) was applied from a different script than this build's; the schema cannot be trusted");
            }
        }
        var done = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellation));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
                new { migration.Version, migration.Name, migration.Checksum, AppliedAt = time.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction, cancellationToken: cancellation));
            done.Add(migration.Version);
        }
        return MigrationResult.Current(done.Count > 0 ? done[^1] : current, done);
    }

    private sealed class AppliedRow
    {
        public int Version { get; set; }

        public string Checksum { get; set; } = "";
    }
}
