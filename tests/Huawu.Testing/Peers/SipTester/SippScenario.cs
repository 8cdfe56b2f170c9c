namespace Huawu.Testing.Peers.SipTester;

/// <summary>
/// What SIPp runs: one of its built-in scenarios (<c>-sn uac</c>) or a scenario file (<c>-sf</c>), with the
/// values of the <c>[key]</c> placeholders the file uses (<c>-key name value</c>).
/// </summary>
public sealed record SippScenario
{
    private SippScenario(string name, string? filePath, IReadOnlyDictionary<string, string> keys)
    {
        Name = name;
        FilePath = filePath;
        Keys = keys;
    }

    public string Name { get; }

    /// <summary>The scenario file, or null for a built-in scenario.</summary>
    public string? FilePath { get; }

    public IReadOnlyDictionary<string, string> Keys { get; }

    /// <summary>A built-in scenario: uac, uas, regexp, branchc, branchs, uac_pcap…</summary>
    public static SippScenario Builtin(string name) => new(name, null, new Dictionary<string, string>());

    public static SippScenario FromFile(string path, IReadOnlyDictionary<string, string>? keys = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException("SIPp scenario not found.", path);
        return new SippScenario(Path.GetFileNameWithoutExtension(path), path, keys ?? new Dictionary<string, string>());
    }

    /// <summary>This scenario with one more key value.</summary>
    public SippScenario WithKey(string key, string value) =>
        new(Name, FilePath, new Dictionary<string, string>(Keys) { [key] = value });

    public override string ToString() => FilePath is null ? $"built-in {Name}" : Name;
}
