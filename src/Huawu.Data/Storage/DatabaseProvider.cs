namespace Huawu.Data.Storage;

/// <summary>The two stores Huawu runs on: SQLite embedded in the data directory, or a shared PostgreSQL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
