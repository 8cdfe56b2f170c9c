namespace Huawu.Data.Storage;

/// <summary>
/// The configuration file's <c>database:</c> section. Without it, Huawu keeps everything in SQLite inside the
/// data directory; PostgreSQL is chosen by provider and connection string.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL: an Npgsql connection string (required). SQLite: optional; default <c>huawu.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The key file; default <c>huawu.keys</c> in the data directory. <c>HUAWU_KEYS</c> overrides it.</summary>
    public string? KeysFile { get; set; }

    /// <summary>The country whose numbers may be written without a country code (E.164 calling code).</summary>
    public string DefaultCountryCode { get; set; } = "86";
}
