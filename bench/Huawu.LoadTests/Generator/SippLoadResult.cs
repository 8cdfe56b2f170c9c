using Huawu.Testing.Peers.SipTester;

namespace Huawu.LoadTests.Generator;

/// <summary>How a SIPp load run ended: exit code, the last row of its statistics CSV, the response times, the first errors.</summary>
internal sealed record SippLoadResult(int ExitCode, bool TimedOut, SippStatistics? Statistics, ResponseTimes ResponseTimes, string Errors, string Output)
{
    private const int DescribedOutputTail = 2000;

    public long Created => Statistics?.CallsCreated ?? 0;

    public long Succeeded => Statistics?.SuccessfulCalls ?? 0;

    public long Failed => Statistics?.FailedCalls ?? 0;

    public long Retransmissions => Statistics?.Retransmissions ?? 0;

    public bool ExitedCleanly => !TimedOut && ExitCode == SippExitCodes.AllCallsSucceeded;

    /// <summary>SIPp's cumulative failure counters that are not zero, e.g. "FailedMaxUDPRetrans 3".</summary>
    public string FailureReasons()
    {
        if (Statistics is null) return "no statistics written";
        var reasons = Statistics.Values
            .Where(v => v.Key.StartsWith("Failed", StringComparison.Ordinal) && v.Key.EndsWith("(C)", StringComparison.Ordinal)
                && v.Key != "FailedCall(C)" && v.Value != "0")
            .Select(v => $"{v.Key[..^3]} {v.Value}");
        return string.Join(", ", reasons.DefaultIfEmpty("none"));
    }

    /// <summary>Exit code, counts and the first errors for a failed run; SIPp's screen only when it wrote no statistics.</summary>
    public string Describe() =>
        $"SIPp exit code {ExitCode}{(TimedOut ? " (killed: timed out)" : "")}; {Statistics?.ToString() ?? "no statistics"}; failures: {FailureReasons()}\n" +
        (Errors.Length > 0 ? $"first errors:\n{Errors}\n" : "") +
        (Statistics is null ? $"screen (tail):\n{(Output.Length > DescribedOutputTail ? Output[^DescribedOutputTail..] : Output)}" : "");
}
