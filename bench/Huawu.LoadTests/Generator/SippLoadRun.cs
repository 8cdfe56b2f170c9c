using System.Globalization;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.LoadTests.Generator;

/// <summary>
/// SIPp as a load generator. Unlike the interop kit's <c>Sipp</c> it never traces messages (a minute at hundreds of
/// calls per second is millions of lines and would load SIPp more than the calls do); it writes the statistics CSV
/// every second and one response time per call (<c>-trace_rtt</c>), into the run directory, SIPp's working directory.
/// </summary>
internal sealed class SippLoadRun : IAsyncDisposable
{
    private const string StatisticsFile = "sipp-statistics.csv", ErrorFile = "sipp-errors.log";
    private static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);
    private readonly PeerProcess _process;
    private readonly string _directory;

    private SippLoadRun(PeerProcess process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public int ProcessId => _process.Id;

    /// <summary>Starts SIPp in <paramref name="directory"/> and returns once its SIP port is bound.</summary>
    public static async Task<SippLoadRun> StartAsync(SippLoadSettings settings, string directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var process = PeerProcess.Start("sipp", Arguments(settings, directory), directory);
        var run = new SippLoadRun(process, directory);
        var started = time.GetTimestamp();
        while (!process.HasExited && !LoopbackSockets.IsUdpBound(settings.LocalPort))
        {
            if (time.GetElapsedTime(started) > BindTimeout)
            {
                await run.DisposeAsync();
                throw new TimeoutException($"SIPp did not bind port {settings.LocalPort} within {BindTimeout}.\n{process.Describe()}");
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

    private static List<string> Arguments(SippLoadSettings settings, string directory)
    {
        var arguments = new List<string>
        {
            settings.Remote, "-sf", settings.ScenarioFile, "-s", settings.Service,
            "-i", "127.0.0.1", "-p", Invariant(settings.LocalPort), "-mp", Invariant(settings.MediaPort),
            "-r", settings.Rate.ToString(CultureInfo.InvariantCulture), "-rp", "1000",
            "-m", Invariant(settings.Calls), "-l", Invariant(settings.ConcurrentLimit), "-d", Invariant((long)settings.Hold.TotalMilliseconds),
            "-trace_stat", "-stf", Path.Combine(directory, StatisticsFile), "-fd", "1",
            "-trace_rtt", "-rtt_freq", "1",
            "-trace_err", "-error_file", Path.Combine(directory, ErrorFile),
            "-timeout", Invariant((long)Math.Ceiling(settings.Timeout.TotalSeconds)) + "s", "-timeout_error",
            "-nostdin",
        };
        if (settings.RtpTasksPerThread is { } tasks) arguments.AddRange(["-rtp_threadtasks", Invariant(tasks)]);
        return arguments;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
