namespace Huawu.Testing.Postgres;

/// <summary>
/// Debian's PostgreSQL server programs (<c>postgresql-15</c>, installed by <c>scripts/setup.sh</c>). They live in
/// <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>, which is not on PATH; the newest installed major version wins.
/// </summary>
public static class PostgresBinaries
{
    private const string Root = "/usr/lib/postgresql";

    public static string Directory { get; } = Find();

    public static string Path(string program) => System.IO.Path.Combine(Directory, program);

    private static string Find()
    {
        var candidates = System.IO.Directory.Exists(Root)
            ? System.IO.Directory.GetDirectories(Root)
                .Select(d => (Major: int.TryParse(System.IO.Path.GetFileName(d), out var major) ? major : 0, Bin: System.IO.Path.Combine(d, "bin")))
                .Where(c => File.Exists(System.IO.Path.Combine(c.Bin, "initdb")))
                .OrderByDescending(c => c.Major)
                .ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0].Bin
            : throw new InvalidOperationException(
                $"PostgreSQL server programs not found under {Root}/<version>/bin. Run scripts/setup.sh (it installs postgresql-15).");
    }
}
