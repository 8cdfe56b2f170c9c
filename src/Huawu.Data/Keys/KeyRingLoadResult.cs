namespace Huawu.Data.Keys;

/// <summary>The outcome of loading (or creating) the key ring.</summary>
public sealed class KeyRingLoadResult
{
    private KeyRingLoadResult(KeyRing? ring, string? error, bool created, IReadOnlyList<string> warnings)
    {
        Ring = ring;
        Error = error;
        Created = created;
        Warnings = warnings;
    }

    public KeyRing? Ring { get; }

    public string? Error { get; }

    /// <summary>True when no key file existed and a new one was written: callers must say so loudly.</summary>
    public bool Created { get; }

    public IReadOnlyList<string> Warnings { get; }

    internal static KeyRingLoadResult Loaded(KeyRing ring, bool created, IReadOnlyList<string> warnings) => new(ring, null, created, warnings);

    internal static KeyRingLoadResult Failed(string error) => new(null, error, false, []);
}
