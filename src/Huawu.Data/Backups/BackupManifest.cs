using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Huawu.Data.Storage;

namespace Huawu.Data.Backups;

/// <summary>
/// <c>manifest.json</c>, written last into a backup: what it holds, each file with its size and SHA-256, and the
/// data key ids it may need (the keys themselves are never in a backup; keep the key file apart).
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    DatabaseProvider Provider,
    int SchemaVersion,
    IReadOnlyList<uint> KeyIds,
    IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
    public const string SqliteFile = "database.sqlite";
    public const string PostgresFile = "database.pgdump";
    public const string RecordingsFolder = "recordings";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string DatabaseFile => Provider == DatabaseProvider.Postgres ? PostgresFile : SqliteFile;

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static bool TryParse(string json, [NotNullWhen(true)] out BackupManifest? manifest, out string error)
    {
        manifest = null;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Options);
        }
        catch (JsonException e)
        {
            error = "manifest.json is not a backup manifest: " + e.Message;
            return false;
        }
        if (manifest is null || manifest.Format != CurrentFormat || manifest.Files is null || manifest.KeyIds is null)
        {
            error = $"manifest.json: unsupported backup format {manifest?.Format}";
            manifest = null;
            return false;
        }
        error = "";
        return true;
    }
}

/// <summary>One file of a backup; <see cref="Path"/> is relative to the backup folder, with '/' separators.</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>What a restore did, and the data keys the backup may need that the current key ring lacks.</summary>
public sealed record RestoreReport(BackupManifest Manifest, IReadOnlyList<uint> MissingKeyIds);
