namespace Huawu.Testing;

/// <summary>
/// Locates the workplace's <c>../shared</c> folder (RFC 4475 messages, G.711 vectors, speech, models).
/// Its files are read in place and never copied into the repository; a test that needs them fails
/// with a message naming the missing path rather than passing vacuously.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the folder holding <c>Huawu.slnx</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>An absolute path inside <c>../shared</c>; throws with a clear message when it is absent.</summary>
    public static string PathOf(string relative)
    {
        var path = Path.Combine(Root.Value, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException(
                $"This test needs '{relative}' from the shared test data at {Root.Value}, and it is absent. " +
                "Check out the workplace's 'shared' folder beside the repository.", path);
        }
        return path;
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HUAWU_SHARED");
        var root = string.IsNullOrEmpty(fromEnvironment)
            ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
            : Path.GetFullPath(fromEnvironment);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(
                $"The shared test data folder is missing: expected {root} (the repository's ../shared, " +
                "or HUAWU_SHARED). Tests of RFC 4475, G.711 vectors and real speech need it.");
        }
        return root;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huawu.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Cannot find Huawu.slnx above " + AppContext.BaseDirectory);
    }
}
