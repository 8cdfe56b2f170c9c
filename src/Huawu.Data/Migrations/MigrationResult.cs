namespace Huawu.Data.Migrations;

/// <summary>What bringing the schema up to date did, or why it refused.</summary>
public sealed class MigrationResult
{
    private MigrationResult(int version, IReadOnlyList<int> applied, string? error)
    {
        Version = version;
        Applied = applied;
        Error = error;
    }

    /// <summary>The schema version the database is at afterwards (or was found at, on failure).</summary>
    public int Version { get; }

    /// <summary>The versions applied by this run; empty when the schema was already current.</summary>
    public IReadOnlyList<int> Applied { get; }

    public string? Error { get; }

    public bool Succeeded => Error is null;

    internal static MigrationResult Current(int version, IReadOnlyList<int> applied) => new(version, applied, null);

    internal static MigrationResult Refused(int version, string error) => new(version, [], error);
}
