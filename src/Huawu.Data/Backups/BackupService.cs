using Huawu.Data.Audit;
using Huawu.Data.Recordings;
using Huawu.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Huawu.Data.Backups;

/// <summary>
/// Takes an online backup into an empty folder: a consistent snapshot of the database (SQLite's online backup
/// API; <c>pg_dump</c>, which dumps one snapshot, for PostgreSQL), then the completed recording files, then the
/// manifest with every file's SHA-256, written last so a backup without one is known to be incomplete.
/// Recordings are copied after the snapshot, so one purged in between may be missing and one completed in
/// between may be extra; neither affects the database.
/// </summary>
public sealed class BackupService(DataStore store)
{
    public const string Actor = "system:backup";

    public async Task<DataResult<BackupManifest>> CreateAsync(string directory, string actor = Actor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            return DataResult.Fail<BackupManifest>(DataProblem.Invalid, $"{root}: not empty; back up into a new or empty folder");
        Directory.CreateDirectory(root);

        var createdAt = store.Context.Time.GetUtcNow();
        if (await SnapshotDatabaseAsync(root, cancellation) is { } failure) return DataResult.Fail<BackupManifest>(DataProblem.Invalid, failure);
        BackupFolder.CopyTree(store.Options.RecordingsDirectory, Path.Combine(root, BackupManifest.RecordingsFolder),
            file => file.EndsWith(RecordingStore.Extension, StringComparison.Ordinal));

        var files = new List<BackupFile>();
        foreach (var file in BackupFolder.FilesUnder(root).Order(StringComparer.Ordinal)) files.Add(await BackupFolder.DescribeAsync(root, file, cancellation));
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, store.Provider, store.SchemaVersion,
            [.. store.Keys.DataKeys.Select(k => k.Id)], files);
        var manifestPath = Path.Combine(root, BackupManifest.FileName);
        await File.WriteAllTextAsync(manifestPath + ".new", manifest.ToJson(), cancellation);
        File.Move(manifestPath + ".new", manifestPath);

        await store.Audit.AppendAsync(new AuditEvent(actor, AuditAction.BackupCreated, TargetType: "backup", TargetId: root,
            Detail: $"files: {files.Count}, bytes: {files.Sum(f => f.Size)}"), cancellation);
        return DataResult.Ok(manifest);
    }

    private async Task<string?> SnapshotDatabaseAsync(string root, CancellationToken cancellation)
    {
        if (store.Database is PostgresDatabase postgres)
        {
            return await PostgresTools.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", Path.Combine(root, BackupManifest.PostgresFile)],
                postgres.ConnectionString, cancellation);
        }
        var target = new SqliteConnectionStringBuilder { DataSource = Path.Combine(root, BackupManifest.SqliteFile), Pooling = false }.ToString();
        await using var source = (SqliteConnection)await store.Database.OpenAsync(cancellation);
        await using var destination = new SqliteConnection(target);
        await destination.OpenAsync(cancellation);
        // The online backup API copies a consistent image page by page while writers carry on (sqlite.org/backup.html).
        source.BackupDatabase(destination);
        // One self-contained file: the copy must not depend on a WAL beside it.
        await using var command = destination.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        await command.ExecuteNonQueryAsync(cancellation);
        return null;
    }
}
