namespace Huawu.Testing.Peers.SipTester;

/// <summary>SIPp's exit codes (its manual, "Exit codes").</summary>
public static class SippExitCodes
{
    public const int AllCallsSucceeded = 0, SomeCallsFailed = 1, StoppedByInternalCommand = 97, NoCallsProcessed = 99;
    public const int FatalError = -1, FatalSocketBinding = -2;
}

/// <summary>
/// How a SIPp run ended: its exit code (see <see cref="SippExitCodes"/>; meaningless when <see cref="TimedOut"/>,
/// i.e. the wrapper had to kill it), the counts from the statistics CSV (null if SIPp never wrote them), and
/// SIPp's own message trace.
/// </summary>
public sealed record SippResult(
    string CommandLine,
    int ExitCode,
    bool TimedOut,
    SippStatistics? Statistics,
    SippMessageLog Messages,
    string Errors,
    string Output)
{
    private const int DescribedOutputTail = 3000;

    public bool AllCallsSucceeded => !TimedOut && ExitCode == SippExitCodes.AllCallsSucceeded;

    public long SuccessfulCalls => Statistics?.SuccessfulCalls ?? 0;

    public long FailedCalls => Statistics?.FailedCalls ?? 0;

    /// <summary>Everything needed to understand a failing assertion.</summary>
    public string Describe() =>
        $"$ sipp {CommandLine}\nexit code {ExitCode}{(TimedOut ? " (killed: timed out)" : "")}; statistics: {Statistics?.ToString() ?? "none"}\n" +
        $"errors:\n{Errors}\nmessages:\n{Messages}\noutput (tail):\n{(Output.Length > DescribedOutputTail ? Output[^DescribedOutputTail..] : Output)}";

    public override string ToString() => Describe();
}
