using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;
using Huawu.LoadTests.Wire;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// One call count of the echo run. It holds when every call was up for the whole window and succeeded, no packet
/// was lost (node sockets, node RTCP, sequence numbers of the captured calls) and the node's media clock kept every
/// tick; payloads that arrived but did not come back (dropped inside the jitter buffer) are reported, not judged.
/// CPU figures cover the window in which all calls were up; the node's socket drops are read at the end of that
/// window; the wire figures cover the captured calls from start to end.
/// </summary>
internal sealed record EchoStep(
    int Calls,
    TimeSpan Window,
    bool ReachedAllCalls,
    int EndedDuringWindow,
    SippLoadResult Sipp,
    NodeLog Node,
    int NodeExitCode,
    WindowCpu Cpu,
    UdpSocketTable NodeRtpSockets,
    RtcpSummary NodeRtcp,
    int CapturedCalls,
    DumpcapCounters? Capture,
    EchoWireSummary? Wire) : ILoadStep
{
    public Verdict Verdict { get; } = new Verdict()
        .Require(ReachedAllCalls && EndedDuringWindow == 0, $"all {Calls} calls were up together for the whole window (reached: {ReachedAllCalls}, node answered {Node.Answered}; {EndedDuringWindow} ended during it)")
        .Require(Sipp.ExitedCleanly && Sipp.Succeeded == Calls && Sipp.Failed == 0, $"SIPp: all {Calls} calls succeeded (exit code {Sipp.ExitCode}; {Sipp.Succeeded} succeeded, {Sipp.Failed} failed: {Sipp.FailureReasons()})")
        .Require(Node.Endings.GetValueOrDefault("NormalClearing by Remote") == Calls, $"each call ended by the caller's BYE (node: {Node.DescribeEndings()})")
        .Require(Node.Warnings == 0 && Node.Errors == 0, $"the node logged no warning or error ({Node.Warnings} warnings, {Node.Errors} errors: {string.Join(" | ", Node.Problems)})")
        .Require(NodeRtpSockets.Drops == 0, $"the node's RTP sockets dropped nothing ({NodeRtpSockets})")
        .Require(NodeRtcp.CumulativeLost == 0, $"the node's RTCP reports no loss ({NodeRtcp})")
        .Require(CapturedCalls == 0 || Capture is { Dropped: 0 }, $"the capture dropped nothing ({Capture?.Line ?? "no counters"})")
        .Require(CapturedCalls == 0 || (Wire is { NoPacketLoss: true } wire && wire.Calls == CapturedCalls),
            $"the {CapturedCalls} captured calls lost no packet either way (captured {Wire?.Calls ?? 0} calls; sequence gaps: {Wire?.ForwardLost ?? 0} to the node, {Wire?.ReturnLost ?? 0} back)")
        .Require(CapturedCalls == 0 || Wire is { SkippedTicks: 0 }, $"the node's media clock skipped no 20 ms tick (captured calls: {Wire?.SkippedTicks ?? 0} ticks skipped)")
        .Require(NodeExitCode == 0, $"the node stopped cleanly on SIGTERM (exit code {NodeExitCode})");

    public IEnumerable<string> Describe()
    {
        yield return FormattableString.Invariant($"{Calls} concurrent echo calls for {Window.TotalSeconds:F0} s: {(Verdict.Holds ? "HELD (no packet lost, no tick skipped, no call failed)" : "NOT HELD")}");
        yield return $"  SIPp: {Sipp.Succeeded} succeeded, {Sipp.Failed} failed, {Sipp.Retransmissions} retransmissions; {Sipp.ResponseTimes}";
        yield return $"  node: {Node.Answered} answered; ended {Node.DescribeEndings()}; {Node.Warnings} warnings, {Node.Errors} errors";
        yield return $"  {Cpu}";
        yield return $"  node RTP sockets at the end of the window: {NodeRtpSockets}";
        yield return $"  node RTCP (all calls): {NodeRtcp}";
        if (CapturedCalls > 0 && Wire is { } wire)
        {
            yield return $"  capture of {CapturedCalls} calls: {Capture?.Line ?? "dumpcap printed no counters"}";
            yield return FormattableString.Invariant($"    SIPp → node: {wire.ForwardPackets} packets, {wire.ForwardLost} lost (sequence gaps), longest interval {wire.LongestForwardInterval.TotalMilliseconds:F0} ms");
            yield return FormattableString.Invariant($"    node → SIPp: {wire.ReturnPackets} packets, {wire.ReturnLost} lost (sequence gaps), longest interval {wire.LongestReturnInterval.TotalMilliseconds:F0} ms");
            yield return FormattableString.Invariant($"    echo: {wire.Echoed} of {wire.ForwardPackets} payloads came back ({wire.EchoedFraction:P3}); {wire.NotEchoed} did not, in {wire.CallsNotEchoingEverything} calls, {wire.FirstPayloadsNotEchoed} of them a call's first (dropped inside the node: jitter buffer start, late, or delay shrinking); {wire.ReturnedOther} other payloads sent back (concealment, silence)");
            yield return FormattableString.Invariant($"    echo delay p50 {wire.EchoDelayMedian.TotalMilliseconds:F0} ms, p99 {wire.EchoDelay99.TotalMilliseconds:F0} ms, max {wire.EchoDelayMax.TotalMilliseconds:F0} ms");
            yield return $"    media clock: {wire.SkippedTicks} ticks skipped (timestamp jumps without a marker), {wire.TalkspurtRestarts} talkspurt restarts (echo had nothing to send)";
        }
        if (!Verdict.Holds)
        {
            yield return Verdict.Failures();
            if (!Sipp.ExitedCleanly || Sipp.Failed > 0) yield return Sipp.Describe();
        }
    }
}

/// <summary>CPU over the window in which all calls were up, per process and for the machine.</summary>
internal sealed record WindowCpu(double NodeCores, double GeneratorCores, double CaptureCores, double MachineBusy, string LoadAverageBefore, double NodePeakResidentMiB, int NodeThreads)
{
    public override string ToString() => FormattableString.Invariant(
        $"CPU in the window: node {NodeCores:F2} cores, SIPp {GeneratorCores:F2}, dumpcap {CaptureCores:F2}, machine {MachineBusy:P0} busy of {Environment.ProcessorCount} cores; load average before {LoadAverageBefore}; node peak RSS {NodePeakResidentMiB:F0} MiB, {NodeThreads} threads");
}
