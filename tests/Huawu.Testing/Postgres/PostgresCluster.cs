using System.Diagnostics;
using System.Globalization;
using Huawu.Testing.Peers;

namespace Huawu.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for tests: its own data directory under the temp folder, listening on
/// 127.0.0.1 on a free port (no Unix socket), trust authentication for the <c>postgres</c> role, durability
/// off for speed. One cluster serves a whole test run (<see cref="Shared"/>), started on first use and stopped
/// when the test process exits. PostgreSQL refuses to run as root, so under root the programs run as the
/// <c>postgres</c> system user. Clusters left behind by a test process that died are stopped and removed
/// before a new one starts, so runs stay idempotent.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string DirectoryPrefix = "huawu-pg-";
    private const string OwnerFile = "huawu-test-owner";
    private static readonly Lazy<PostgresCluster> SharedCluster = new(StartShared);
    private int _stopped;

    private PostgresCluster(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        Port = port;
    }

    /// <summary>The run's cluster, started on first use.</summary>
    public static PostgresCluster Shared => SharedCluster.Value;

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>The server's log (inside the data directory).</summary>
    public string LogFile => Path.Combine(DataDirectory, "server.log");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=15;Command Timeout=60";

    public static PostgresCluster Start()
    {
        RemoveAbandonedClusters();
        var directory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        Run("initdb", ["-D", directory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        File.WriteAllText(Path.Combine(directory, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        // Bounded: a port another process grabs between the check and the bind costs one more try.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.Next();
            File.AppendAllText(Path.Combine(directory, "postgresql.conf"), $"""

                listen_addresses = '127.0.0.1'
                port = {port}
                unix_socket_directories = ''
                max_connections = 300
                shared_buffers = 64MB
                fsync = off
                synchronous_commit = off
                full_page_writes = off

                """);
            var cluster = new PostgresCluster(directory, port);
            if (TryRun("pg_ctl", ["start", "-w", "-t", "60", "-D", directory, "-l", cluster.LogFile], out var output)) return cluster;
            if (attempt == 3)
            {
                throw new InvalidOperationException($"PostgreSQL did not start: {output}\n{SafeRead(cluster.LogFile)}");
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        Stop(DataDirectory);
    }

    /// <summary>Stops the shared cluster if this run started one (see <see cref="PostgresTestFramework"/>).</summary>
    public static void StopShared()
    {
        if (SharedCluster.IsValueCreated) SharedCluster.Value.Dispose();
    }

    private static PostgresCluster StartShared()
    {
        var cluster = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    private static void Stop(string directory)
    {
        TryRun("pg_ctl", ["stop", "-w", "-t", "30", "-m", "immediate", "-D", directory], out _);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the next run's sweep removes the folder.
        }
    }

    private static void RemoveAbandonedClusters()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = Path.Combine(directory, OwnerFile);
            if (File.Exists(owner) && int.TryParse(SafeRead(owner), CultureInfo.InvariantCulture, out var pid) && IsAlive(pid)) continue;
            // No owner file yet may mean another run is inside initdb right now: leave young folders alone.
            if (!File.Exists(owner) && Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-10)) continue;
            Stop(directory);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        if (!TryRun(program, arguments, out var output)) throw new InvalidOperationException($"{program} failed: {output}");
    }

    private static bool TryRun(string program, IReadOnlyList<string> arguments, out string output)
    {
        // PostgreSQL will not run as root: drop to the postgres system user the Debian package creates.
        var asRoot = Environment.IsPrivilegedProcess;
        var info = new ProcessStartInfo(asRoot ? "/usr/sbin/runuser" : PostgresBinaries.Path(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", PostgresBinaries.Path(program) }) info.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        // pg_ctl start leaves the server holding inherited pipes; read to the end only what the tool itself wrote.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            output = $"{program} timed out";
            return false;
        }
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
        output = (stdout.IsCompletedSuccessfully ? stdout.Result : "") + (stderr.IsCompletedSuccessfully ? stderr.Result : "");
        return process.ExitCode == 0;
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
