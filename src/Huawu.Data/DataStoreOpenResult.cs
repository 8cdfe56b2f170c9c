namespace Huawu.Data;

/// <summary>An open store, or why it could not be opened (unreachable database, schema refused).</summary>
public sealed class DataStoreOpenResult
{
    private DataStoreOpenResult(DataStore? store, string? error)
    {
        Store = store;
        Error = error;
    }

    public DataStore? Store { get; }

    public string? Error { get; }

    internal static DataStoreOpenResult Opened(DataStore store) => new(store, null);

    internal static DataStoreOpenResult Failed(string error) => new(null, error);
}
