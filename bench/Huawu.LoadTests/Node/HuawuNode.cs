using System.Globalization;
using System.Net;
using Huawu.LoadTests.Host;
using Huawu.Testing;
using Huawu.Testing.Peers;

namespace Huawu.LoadTests.Node;

/// <summary>
/// A node as an operator runs it: <c>./huawu serve</c> from the Release build (<c>make build</c>) with a temporary
/// data directory, ready once <c>/readyz</c> answers 200, stopped with SIGTERM. Its log is counted into
/// <see cref="Log"/> as it arrives and written to <c>node.log</c> in the run directory at the end.
/// </summary>
internal sealed class HuawuNode : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60), StopTimeout = TimeSpan.FromSeconds(60);
    private readonly PeerProcess _process;
    private readonly string _runDirectory;

    private HuawuNode(PeerProcess process, NodeSettings settings, string runDirectory)
    {
        _process = process;
        Settings = settings;
        _runDirectory = runDirectory;
        process.LineReceived += Log.Observe;
    }

    public NodeSettings Settings { get; }

    public NodeLog Log { get; } = new();

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The Release build the <c>huawu</c> script runs.</summary>
    public static string ServerAssembly => Path.Combine(SharedData.RepositoryRoot, "artifacts", "bin", "Huawu.Server", "release", "huawu.dll");

    /// <summary>The API's address (<c>http://127.0.0.1:port</c>).</summary>
    public Uri HttpAddress => new($"http://127.0.0.1:{Invariant(Settings.HttpPort)}");

    /// <summary>
    /// Starts the node and waits until it is ready for calls; throws with its output when it never is. <paramref name="prepare"/>, when
    /// given, runs the node's verbs on its configuration and data first (contacts, campaigns, users), as an operator does before serving.
    /// </summary>
    public static async Task<HuawuNode> StartAsync(NodeSettings settings, string runDirectory, TimeProvider time, CancellationToken cancellationToken,
        Func<NodeCli, Task>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(ServerAssembly)) throw new InvalidOperationException($"No Release build at {ServerAssembly}: run 'make build' first.");
        var configuration = Path.Combine(runDirectory, "huawu.yaml");
        var data = Path.Combine(runDirectory, "data");
        await File.WriteAllTextAsync(configuration, settings.ConfigurationYaml(), cancellationToken);
        if (prepare is not null) await prepare(new NodeCli(configuration, data));
        var process = PeerProcess.Start(Path.Combine(SharedData.RepositoryRoot, "huawu"),
        [
            "serve", "--config", configuration, "--data", data,
            "--sip-port", Invariant(settings.SipPort), "--http-port", Invariant(settings.HttpPort), "--rtp-ports", settings.RtpPorts,
        ]);
        var node = new HuawuNode(process, settings, runDirectory);
        try
        {
            await node.WaitUntilReadyAsync(time, cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>CPU time used so far; false once the node has exited.</summary>
    public bool TrySampleCpu(TimeProvider time, out CpuSample sample) => ProcessCpu.TrySample(ProcessId, time, out sample);

    /// <summary>Stops the node with SIGTERM (it hangs up every call first) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await Signals.TerminateAsync(ProcessId);
        return await _process.WaitForExitAsync(StopTimeout);
    }

    /// <summary>The node's output so far, for a failure message.</summary>
    public string Describe() => _process.Describe();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await File.WriteAllTextAsync(Path.Combine(_runDirectory, "node.log"), _process.Describe());
        // The node's database and keys are of no use after the run.
        var data = Path.Combine(_runDirectory, "data");
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
    }

    private async Task WaitUntilReadyAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = HttpAddress };
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < ReadyTimeout && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }
        throw new InvalidOperationException($"The node was not ready within {ReadyTimeout}.\n{_process.Describe()}");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
