using System.Globalization;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.LoadTests.Generator;

/// <summary>
/// SIPp as a load generator (a UAC placing calls) or as the trunk a campaign dials (a UAS answering them). Unlike the
/// interop kit's <c>Sipp</c> it never traces messages (a minute at hundreds of calls per second is millions of lines
/// and would load SIPp more than the calls do); it writes the statistics CSV every second and, as a UAC, one response
/// time per call (<c>-trace_rtt</c>), as a UAS what its scenario logs (<c>-trace_logs</c>), into the run directory,
/// SIPp's working directory.
/// </summary>
internal sealed class SippLoadRun : IAsyncDisposable
{
    private const string StatisticsFile = "sipp-statistics.csv", ErrorFile = "sipp-errors.log";

    /// <summary>What a UAS scenario's <c>&lt;log&gt;</c> actions write, in the run directory.</summary>
    public const string ScenarioLogFile = "sipp-scenario.log";
    private static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);
    private readonly PeerProcess _process;
    private readonly string _directory;

    private SippLoadRun(PeerProcess process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public int ProcessId => _process.Id;

    /// <summary>Starts SIPp placing calls in <paramref name="directory"/> and returns once its SIP port is bound.</summary>
    public static Task<SippLoadRun> StartAsync(SippLoadSettings settings, string directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StartAsync(UacArguments(settings, directory), settings.LocalPort, directory, time);
    }

    /// <summary>Starts SIPp answering calls (a trunk) in <paramref name="directory"/> and returns once its SIP port is bound.</summary>
    public static Task<SippLoadRun> StartTrunkAsync(SippTrunkSettings settings, string directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return StartAsync(UasArguments(settings, directory), settings.LocalPort, directory, time);
    }

    private static async Task<SippLoadRun> StartAsync(List<string> arguments, int localPort, string directory, TimeProvider time)
    {
        var process = PeerProcess.Start("sipp", arguments, directory);
        var run = new SippLoadRun(process, directory);
        var started = time.GetTimestamp();
        while (!process.HasExited && !LoopbackSockets.IsUdpBound(localPort))
        {
            if (time.GetElapsedTime(started) > BindTimeout)
            {
                await run.DisposeAsync();
                throw new TimeoutException($"SIPp did not bind port {localPort} within {BindTimeout}.\n{process.Describe()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), time);
        }
        return run;
    }

    /// <summary>Waits for SIPp to finish its calls (killing it after <paramref name="timeout"/>) and reads its files.</summary>
    public async Task<SippLoadResult> WaitForExitAsync(TimeSpan timeout)
    {
        int exitCode;
        var timedOut = false;
        try
        {
            exitCode = await _process.WaitForExitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await _process.DisposeAsync();
            (exitCode, timedOut) = (int.MinValue, true);
        }
        var errors = Path.Combine(_directory, ErrorFile);
        return new SippLoadResult(
            // The kernel reports SIPp's negative exit codes modulo 256.
            exitCode > 127 ? exitCode - 256 : exitCode,
            timedOut,
            SippStatistics.TryRead(Path.Combine(_directory, StatisticsFile)),
            ResponseTimes.Read(_directory),
            File.Exists(errors) ? string.Join('\n', File.ReadLines(errors).Take(12)) : "",
            _process.Output);
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    private static List<string> UacArguments(SippLoadSettings settings, string directory)
    {
        List<string> arguments =
        [
            settings.Remote, "-sf", settings.ScenarioFile, "-s", settings.Service,
            "-i", "127.0.0.1", "-p", Invariant(settings.LocalPort), "-mp", Invariant(settings.MediaPort),
            "-r", settings.Rate.ToString(CultureInfo.InvariantCulture), "-rp", "1000",
            "-m", Invariant(settings.Calls), "-l", Invariant(settings.ConcurrentLimit), "-d", Invariant((long)settings.Hold.TotalMilliseconds),
            "-trace_rtt", "-rtt_freq", "1",
            .. CommonArguments(settings.Timeout, directory),
        ];
        if (settings.RtpTasksPerThread is { } tasks) arguments.AddRange(["-rtp_threadtasks", Invariant(tasks)]);
        return arguments;
    }

    // A UAS takes no remote address; "-m" ends it once that many calls have run through the scenario.
    private static List<string> UasArguments(SippTrunkSettings settings, string directory) =>
    [
        "-sf", settings.ScenarioFile,
        "-i", "127.0.0.1", "-p", Invariant(settings.LocalPort), "-mp", Invariant(settings.MediaPort),
        "-m", Invariant(settings.Calls),
        "-trace_logs", "-log_file", Path.Combine(directory, ScenarioLogFile),
        .. CommonArguments(settings.Timeout, directory),
    ];

    private static string[] CommonArguments(TimeSpan timeout, string directory) =>
    [
        "-trace_stat", "-stf", Path.Combine(directory, StatisticsFile), "-fd", "1",
        "-trace_err", "-error_file", Path.Combine(directory, ErrorFile),
        "-timeout", Invariant((long)Math.Ceiling(timeout.TotalSeconds)) + "s", "-timeout_error",
        "-nostdin",
    ];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
