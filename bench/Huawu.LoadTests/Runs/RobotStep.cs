using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;
using Huawu.LoadTests.Wire;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// One call count of the robot run. It holds when every call was up together and succeeded, every turn the callers spoke
/// was answered and recognized (no no-match, no no-input), the turn latency's p95 was at most 500 ms (issue 4), the node's
/// media clock skipped no tick in the captured calls and it logged no warning or error. CPU covers the window from the
/// last call answered to the first ended; the turns cover every call from start to end.
/// </summary>
internal sealed record RobotStep(
    int Calls,
    int UtterancesPerCall,
    TimeSpan Window,
    bool ReachedAllCalls,
    bool AllStored,
    SippLoadResult Sipp,
    NodeLog Node,
    int NodeExitCode,
    string Ramp,
    WindowCpu Cpu,
    string NodeBusiestThreads,
    RobotTurns Turns,
    UdpSocketTable NodeRtpSockets,
    int CapturedCalls,
    DumpcapCounters? Capture,
    RobotWireSummary? Wire) : ILoadStep
{
    private const long TurnLatencyP95TargetMs = 500;

    public int ExpectedTurns => Calls * UtterancesPerCall;

    public Verdict Verdict { get; } = new Verdict()
        .Require(ReachedAllCalls, $"all {Calls} calls were up together (node answered {Node.Answered})")
        .Require(Sipp.ExitedCleanly && Sipp.Succeeded == Calls && Sipp.Failed == 0, $"SIPp: all {Calls} calls succeeded (exit code {Sipp.ExitCode}; {Sipp.Succeeded} succeeded, {Sipp.Failed} failed: {Sipp.FailureReasons()})")
        .Require(Node.Endings.GetValueOrDefault("NormalClearing by Remote") == Calls, $"each call ended by the caller's BYE (node: {Node.DescribeEndings()})")
        .Require(AllStored && Turns.Calls == Calls, $"the node stored every call's conversation ({Node.TranscriptsStored} stored, {Turns.Calls} call records)")
        .Require(Turns.Measured == Calls * UtterancesPerCall && Turns.Recognized == Calls * UtterancesPerCall && Turns.Misrecognized == 0,
            $"every turn answered and recognized ({Turns.Measured} measured, {Turns.Recognized} recognized, {Turns.Misrecognized} heard otherwise, of {Calls * UtterancesPerCall})")
        .Require(Turns.NoMatch == 0 && Turns.NoInput == 0, $"no no-match, no no-input ({Turns.NoMatch} no-match, {Turns.NoInput} no-input)")
        .Require(Turns.Measured > 0 && Turns.Percentile(RobotTurns.Total, 0.95) <= TurnLatencyP95TargetMs,
            $"turn latency p95 ≤ {TurnLatencyP95TargetMs} ms ({Turns.Percentile(RobotTurns.Total, 0.95)} ms)")
        .Require(CapturedCalls == 0 || (Capture is { Dropped: 0 } && Wire is { SkippedTicks: 0 } wire && wire.Calls == CapturedCalls),
            $"the node's media clock skipped no 20 ms tick in the {CapturedCalls} captured calls (captured {Wire?.Calls ?? 0}, {Wire?.SkippedTicks ?? 0} skipped; {Capture?.Line ?? "no counters"})")
        .Require(Node.Warnings == 0 && Node.Errors == 0, $"the node logged no warning or error ({Node.Warnings} warnings, {Node.Errors} errors: {string.Join(" | ", Node.Problems)})")
        .Require(NodeExitCode == 0, $"the node stopped cleanly on SIGTERM (exit code {NodeExitCode})");

    public IEnumerable<string> Describe()
    {
        yield return FormattableString.Invariant(
            $"{Calls} concurrent robot calls, {UtterancesPerCall} turns each: {(Verdict.Holds ? "HELD" : "NOT HELD")}; window of all calls up {Window.TotalSeconds:F0} s");
        yield return FormattableString.Invariant(
            $"  turns: {Turns.Measured} answered of {ExpectedTurns} expected, {Turns.Recognized} recognized, {Turns.Misrecognized} heard otherwise, {Turns.NoMatch} no-match, {Turns.NoInput} no-input");
        yield return FormattableString.Invariant(
            $"  turn latency (end of speech → reply's first packet, node's speech_turn events): p50 {Turns.Percentile(RobotTurns.Total, 0.5)} ms, p95 {Turns.Percentile(RobotTurns.Total, 0.95)} ms, max {Turns.Percentile(RobotTurns.Total, 1.0)} ms");
        yield return $"  split p50/p95 ms: {Turns.DescribeSplit()}";
        if (Turns.HeardOtherwise.Count > 0) yield return $"  heard otherwise: {string.Join("; ", Turns.HeardOtherwise)}";
        yield return $"  SIPp: {Sipp.Succeeded} succeeded, {Sipp.Failed} failed, {Sipp.Retransmissions} retransmissions; {Sipp.ResponseTimes}";
        yield return $"  node: {Node.Answered} answered; ended {Node.DescribeEndings()}; {Node.TranscriptsStored} conversations stored; {Node.Warnings} warnings, {Node.Errors} errors";
        yield return $"  while the calls were set up: {Ramp}";
        yield return $"  {Cpu}";
        yield return $"  node threads in the window, cores by name: {NodeBusiestThreads}";
        yield return $"  node RTP sockets at the end of the window: {NodeRtpSockets}";
        if (CapturedCalls > 0) yield return $"  capture of {CapturedCalls} calls: {Capture?.Line ?? "dumpcap printed no counters"}; {Wire?.ToString() ?? "not analysed"}";
        if (!Verdict.Holds)
        {
            yield return Verdict.Failures();
            if (!Sipp.ExitedCleanly || Sipp.Failed > 0) yield return Sipp.Describe();
        }
    }
}
