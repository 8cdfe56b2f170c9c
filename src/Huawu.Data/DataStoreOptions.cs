using Huawu.Data.Storage;

namespace Huawu.Data;

/// <summary>Where the data lives: the data directory (SQLite file, recordings) and the database settings.</summary>
public sealed record DataStoreOptions(string DataDirectory, DatabaseOptions Database)
{
    public const string RecordingsFolder = "recordings";

    public string RecordingsDirectory => Path.Combine(Path.GetFullPath(DataDirectory), RecordingsFolder);
}
