using Huawu.Data.Keys;
using Huawu.Data.Migrations;
using Huawu.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Huawu.Data.Backups;

/// <summary>
/// Checks a backup against its manifest and restores it over the configured database and recordings folder.
/// Nothing is touched until the whole backup verifies. Run it with Huawu stopped: the database file (SQLite) or
/// schema (PostgreSQL) and the recordings folder are replaced underneath.
/// </summary>
public static class BackupRestore
{
    /// <summary>Every listed file present with its size and hash, nothing unlisted, no path leaving the folder.</summary>
    public static async Task<DataResult<BackupManifest>> VerifyAsync(string directory, CancellationToken cancellation = default)
    {
        var root = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(root, BackupManifest.FileName);
        if (!File.Exists(manifestPath)) return Invalid($"{root}: no {BackupManifest.FileName} (not a backup, or an incomplete one)");
        if (!BackupManifest.TryParse(await File.ReadAllTextAsync(manifestPath, cancellation), out var manifest, out var error)) return Invalid(error);
        if (!manifest.Files.Any(f => f.Path == manifest.DatabaseFile)) return Invalid($"the manifest lists no {manifest.DatabaseFile}");
        foreach (var listed in manifest.Files)
        {
            if (BackupFolder.Resolve(root, listed.Path) is not { } path) return Invalid($"{listed.Path}: a path outside the backup");
            if (!File.Exists(path)) return Invalid($"{listed.Path}: missing");
            var actual = await BackupFolder.DescribeAsync(root, path, cancellation);
            if (actual.Size != listed.Size || actual.Sha256 != listed.Sha256) return Invalid($"{listed.Path}: its checksum does not match the manifest");
        }
        var unlisted = BackupFolder.FilesUnder(root).Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Except(manifest.Files.Select(f => f.Path).Append(BackupManifest.FileName)).FirstOrDefault();
        return unlisted is null ? DataResult.Ok(manifest) : Invalid($"{unlisted}: not in the manifest");
    }

    public static async Task<DataResult<RestoreReport>> RestoreAsync(string directory, DataStoreOptions target, KeyRing keys,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(keys);
        var verified = await VerifyAsync(directory, cancellation);
        if (verified.Value is not { } manifest) return DataResult.Fail<RestoreReport>(verified.Problem, verified.Detail!);
        if (manifest.Provider != target.Database.Provider)
            return DataResult.Fail<RestoreReport>(DataProblem.Invalid, $"the backup is of a {Name(manifest.Provider)} database; this node uses {Name(target.Database.Provider)}");
        var newest = MigrationCatalog.For(SqlDialect.For(manifest.Provider))[^1].Version;
        if (manifest.SchemaVersion > newest)
            return DataResult.Fail<RestoreReport>(DataProblem.Invalid, $"the backup has schema version {manifest.SchemaVersion}, newer than this Huawu knows ({newest})");

        var root = Path.GetFullPath(directory);
        var database = Path.Combine(root, manifest.DatabaseFile);
        if (manifest.Provider == DatabaseProvider.Postgres)
        {
            var failure = await PostgresTools.RunAsync("pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                 "--dbname", PostgresTools.DatabaseName(target.Database.ConnectionString!), database],
                target.Database.ConnectionString!, cancellation);
            if (failure is not null) return DataResult.Fail<RestoreReport>(DataProblem.Invalid, failure);
        }
        else
        {
            ReplaceSqliteFile(database, SqliteDatabase.ResolvePath(target.Database.ConnectionString, target.DataDirectory));
        }
        ReplaceRecordings(Path.Combine(root, BackupManifest.RecordingsFolder), target.RecordingsDirectory);
        var missing = manifest.KeyIds.Where(id => !keys.TryGet(id, out _)).ToList();
        return DataResult.Ok(new RestoreReport(manifest, missing));
    }

    private static void ReplaceSqliteFile(string backup, string databasePath)
    {
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        File.Copy(backup, databasePath + ".restoring", overwrite: true);
        // The old WAL belongs to the old file: left beside the new one, SQLite would replay it into it.
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
        File.Move(databasePath + ".restoring", databasePath, overwrite: true);
    }

    private static void ReplaceRecordings(string backup, string recordings)
    {
        var incoming = recordings + ".restoring";
        var outgoing = recordings + ".replaced";
        foreach (var leftover in new[] { incoming, outgoing }.Where(Directory.Exists)) Directory.Delete(leftover, recursive: true);
        Directory.CreateDirectory(incoming);
        BackupFolder.CopyTree(backup, incoming, _ => true);
        if (Directory.Exists(recordings)) Directory.Move(recordings, outgoing);
        Directory.Move(incoming, recordings);
        if (Directory.Exists(outgoing)) Directory.Delete(outgoing, recursive: true);
    }

    private static string Name(DatabaseProvider provider) => provider.ToString().ToLowerInvariant();

    private static DataResult<BackupManifest> Invalid(string detail) => DataResult.Fail<BackupManifest>(DataProblem.Invalid, detail);
}
