using System.Diagnostics;
using Npgsql;

namespace Huawu.Data.Backups;

/// <summary>
/// Runs PostgreSQL's own dump and restore programs. They must be at least the server's version, so the newest
/// installed under Debian's <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> is preferred (it is not on PATH), then
/// PATH. Connection settings travel in libpq's environment variables, so no password appears on a command line.
/// </summary>
internal static class PostgresTools
{
    public static string Find(string program)
    {
        const string Root = "/usr/lib/postgresql";
        if (Directory.Exists(Root))
        {
            var newest = Directory.GetDirectories(Root)
                .Select(d => (Major: int.TryParse(Path.GetFileName(d), out var major) ? major : 0, Path: Path.Combine(d, "bin", program)))
                .Where(c => File.Exists(c.Path))
                .OrderByDescending(c => c.Major)
                .FirstOrDefault();
            if (newest.Path is not null) return newest.Path;
        }
        return program;
    }

    /// <summary>The database a connection string names (pg_restore wants it as an argument, not from PGDATABASE).</summary>
    public static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";

    /// <summary>Runs a tool against the database; returns null on success, or what it printed on failure.</summary>
    public static async Task<string?> RunAsync(string program, IEnumerable<string> arguments, string connectionString, CancellationToken cancellation)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(Find(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["PGHOST"] = settings.Host ?? "localhost";
        info.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGDATABASE"] = settings.Database ?? "";
        info.Environment["PGUSER"] = settings.Username ?? Environment.UserName;
        if (settings.Password is { } password) info.Environment["PGPASSWORD"] = password;
        info.Environment["PGSSLMODE"] = settings.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var errors = process.StandardError.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            return process.ExitCode == 0 ? null : $"{program} failed ({process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}".Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{program}: cannot run it ({e.Message}); install postgresql-client";
        }
    }
}
