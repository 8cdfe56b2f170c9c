namespace Huawu.Data.Keys;

/// <summary>
/// Where the key ring comes from: the <c>HUAWU_KEYS</c> environment variable when it is set (a secret store
/// injects it; nothing is written to disk), otherwise the key file.
/// </summary>
/// <param name="FilePath">The key file: the configured path, or <c>huawu.keys</c> in the data directory.</param>
/// <param name="EnvironmentValue">The key document from the environment, or null.</param>
public sealed record KeySource(string FilePath, string? EnvironmentValue)
{
    public const string EnvironmentVariable = "HUAWU_KEYS";

    public const string DefaultFileName = "huawu.keys";

    public bool FromEnvironment => !string.IsNullOrWhiteSpace(EnvironmentValue);

    /// <summary>The usual resolution: the configured file or the data directory's default, and the real environment.</summary>
    public static KeySource Resolve(string dataDirectory, string? keysFile) =>
        new(Path.GetFullPath(keysFile ?? Path.Combine(dataDirectory, DefaultFileName)),
            Environment.GetEnvironmentVariable(EnvironmentVariable));

    public string Describe() => FromEnvironment ? "the " + EnvironmentVariable + " environment variable" : FilePath;
}
