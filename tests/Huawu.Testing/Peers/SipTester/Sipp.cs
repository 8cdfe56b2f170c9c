namespace Huawu.Testing.Peers.SipTester;

/// <summary>
/// A running SIPp (<c>sipp</c>, Debian's sip-tester) with a private directory for its traces. Start returns
/// once SIPp has bound its SIP port, so a UAS is ready for calls; disposing kills it if still running.
/// </summary>
public sealed class Sipp : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(10);
    private readonly PeerDirectory _directory;
    private readonly PeerProcess _process;
    private readonly string _commandLine;

    private Sipp(SippOptions options, PeerDirectory directory, PeerProcess process, string commandLine)
    {
        Options = options;
        _directory = directory;
        _process = process;
        _commandLine = commandLine;
    }

    public SippOptions Options { get; }

    /// <summary>SIPp's private directory (traces; kept with HUAWU_KEEP_PEER_FILES).</summary>
    public string Directory => _directory.Path;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts SIPp and waits until its SIP port is bound on its transport (or it has already exited, e.g. on a bad scenario).</summary>
    public static async Task<Sipp> StartAsync(SippOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = PeerDirectory.Create("sipp-" + options.Scenario.Name);
        var arguments = SippCommandLine.Build(options, directory.Path);
        var process = PeerProcess.Start("sipp", arguments, directory.Path);
        var sipp = new Sipp(options, directory, process, string.Join(' ', arguments));
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (!process.HasExited && !IsBound(options))
        {
            if (DateTime.UtcNow > deadline)
            {
                await sipp.DisposeAsync();
                throw new TimeoutException($"SIPp did not bind port {options.LocalPort} within {StartupTimeout}.\n{process.Describe()}");
            }
            await Task.Delay(20);
        }
        return sipp;
    }

    /// <summary>Runs SIPp to completion (a UAC, typically) and returns its result.</summary>
    public static async Task<SippResult> RunAsync(SippOptions options, TimeSpan timeout)
    {
        await using var sipp = await StartAsync(options);
        return await sipp.WaitForExitAsync(timeout);
    }

    /// <summary>
    /// Waits for SIPp to finish (its -m calls done, or its own -timeout) and reads its traces. If it is still
    /// running after <paramref name="timeout"/> it is killed and the result says so.
    /// </summary>
    public async Task<SippResult> WaitForExitAsync(TimeSpan timeout)
    {
        int exitCode;
        var timedOut = false;
        try
        {
            exitCode = await _process.WaitForExitAsync(timeout);
        }
        catch (TimeoutException)
        {
            timedOut = true;
            await _process.DisposeAsync();
            exitCode = int.MinValue;
        }
        return new SippResult(
            _commandLine,
            // The kernel reports SIPp's negative exit codes modulo 256.
            exitCode > 127 ? exitCode - 256 : exitCode,
            timedOut,
            SippStatistics.TryRead(_directory.File(SippCommandLine.StatisticsFile)),
            SippMessageLog.Read(_directory.File(SippCommandLine.MessageFile)),
            File.Exists(_directory.File(SippCommandLine.ErrorFile)) ? await File.ReadAllTextAsync(_directory.File(SippCommandLine.ErrorFile)) : "",
            _process.Output);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _directory.Dispose();
    }

    private static bool IsBound(SippOptions options) =>
        options.Transport == SippTransport.Tcp ? LoopbackSockets.IsTcpBound(options.LocalPort) : LoopbackSockets.IsUdpBound(options.LocalPort);

    public override string ToString() => $"SIPp {Options.Scenario} on {Options.LocalAddress}:{Options.LocalPort}";
}
