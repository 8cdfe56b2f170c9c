using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// One rate of the call-rate run: what SIPp, the node's log, the kernel and /proc saw. The rate holds when every
/// call succeeded in SIPp's view and the node's, at the rate asked for, every second. Datagrams the node's SIP
/// socket dropped are reported as strain, not failure: SIP over UDP retransmits them (RFC 3261 §17.1.1.2) and the
/// call goes on (a long stall then shows in the slowest second).
/// </summary>
internal sealed record CallRateStep(
    int Rate,
    int Calls,
    SippLoadResult Sipp,
    NodeLog Node,
    int NodeExitCode,
    double NodeCores,
    double GeneratorCores,
    double MachineBusy,
    string LoadAverageBefore,
    UdpSocketTable NodeSipSocket) : ILoadStep
{
    // SIPp paces new calls in 1 ms slots; a generator or node that cannot keep up shows as a lower answer rate,
    // on average or in its slowest second ("sustained": every second, not only the minute's average).
    private const double RateTolerance = 0.97, SlowestSecondTolerance = 0.9;

    public Verdict Verdict { get; } = new Verdict()
        .Require(Sipp.ExitedCleanly, $"SIPp exited cleanly (exit code {Sipp.ExitCode}{(Sipp.TimedOut ? ", timed out" : "")})")
        .Require(Sipp.Succeeded == Calls && Sipp.Failed == 0, $"all {Calls} calls succeeded (SIPp: {Sipp.Succeeded} succeeded, {Sipp.Failed} failed: {Sipp.FailureReasons()})")
        .Require(Sipp.ResponseTimes.AnswerRate >= RateTolerance * Rate, $"answers came at ≥ {RateTolerance:P0} of {Rate}/s (achieved {Sipp.ResponseTimes.AnswerRate:F1}/s)")
        .Require(Sipp.ResponseTimes.SlowestSecond() >= SlowestSecondTolerance * Rate, $"every second had ≥ {SlowestSecondTolerance:P0} of {Rate} answers (slowest: {Sipp.ResponseTimes.SlowestSecond()})")
        .Require(Node.Answered == Calls && Node.Endings.GetValueOrDefault("NormalClearing by Remote") == Calls,
            $"the node answered all {Calls} calls and each ended by the caller's BYE (node: {Node.Answered} answered; ended {Node.DescribeEndings()}; refused {Node.DescribeRefusals()})")
        .Require(Node.Warnings == 0 && Node.Errors == 0, $"the node logged no warning or error ({Node.Warnings} warnings, {Node.Errors} errors: {string.Join(" | ", Node.Problems)})")
        .Require(NodeExitCode == 0, $"the node stopped cleanly on SIGTERM (exit code {NodeExitCode})");

    public IEnumerable<string> Describe()
    {
        yield return FormattableString.Invariant($"rate {Rate}/s: {(Verdict.Holds ? "HELD" : "NOT HELD")}");
        yield return FormattableString.Invariant($"  SIPp: {Sipp.Created} created, {Sipp.Succeeded} succeeded, {Sipp.Failed} failed, {Sipp.Retransmissions} retransmissions; answered {Sipp.ResponseTimes.AnswerRate:F1}/s on average, slowest second {Sipp.ResponseTimes.SlowestSecond()}");
        yield return $"  {Sipp.ResponseTimes}";
        yield return $"  node: {Node.Offered} INVITEs, {Node.Answered} answered; ended {Node.DescribeEndings()}; refused {Node.DescribeRefusals()}; {Node.Warnings} warnings, {Node.Errors} errors";
        yield return FormattableString.Invariant($"  CPU: node {NodeCores:F2} cores, SIPp {GeneratorCores:F2} cores, machine {MachineBusy:P0} busy of {Environment.ProcessorCount} cores; load average before {LoadAverageBefore}");
        yield return $"  node SIP socket: {NodeSipSocket}{(NodeSipSocket.Drops > 0 ? " — strain: SIPp retransmitted what was dropped" : "")}";
        if (!Verdict.Holds)
        {
            yield return Verdict.Failures();
            if (!Sipp.ExitedCleanly || Sipp.Failed > 0) yield return Sipp.Describe();
        }
    }
}
