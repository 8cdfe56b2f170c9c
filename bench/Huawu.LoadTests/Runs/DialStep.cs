using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// One rate of the dial run: what the campaign (through the API), the SIPp trunk (its INVITE log and statistics), the node's log and
/// /proc saw. The rate holds when every attempt reached an outcome and every outcome is "answered", SIPp saw exactly one INVITE per
/// attempt and no failed call, and INVITEs arrived at ≥ 97 % of the configured rate on average after the first second.
/// </summary>
internal sealed record DialStep(
    DialCampaign Campaign,
    CampaignProgress Progress,
    TimeSpan Took,
    TrunkInvites Invites,
    SippLoadResult Sipp,
    NodeLog Node,
    int NodeExitCode,
    WindowCpu Cpu,
    UdpSocketTable NodeSipSocket) : ILoadStep
{
    private const double RateTolerance = 0.97;

    public Verdict Verdict { get; } = new Verdict()
        .Require(Progress.Status == "completed" && Progress.Pending == 0 && Progress.Dialing == 0 && Progress.Done == Campaign.Contacts && Progress.Attempts == Campaign.Contacts,
            $"the campaign completed with one settled attempt per number ({Progress.Status}: {Progress.Done} of {Campaign.Contacts} numbers done, {Progress.Pending} pending, {Progress.Dialing} dialing; {Progress.Attempts} attempts)")
        .Require(Progress.AttemptsByOutcome.GetValueOrDefault("answered") == Campaign.Contacts,
            $"every attempt was answered, 0 failures (attempts: {Progress.DescribeAttempts()})")
        .Require(Invites.Count == Progress.Attempts && Invites.Attempts == Invites.Count && Sipp.Created == Invites.Count,
            $"SIPp saw exactly one INVITE per attempt ({Invites.Count} INVITEs logged naming {Invites.Attempts} attempts, {Sipp.Created} calls created, for {Progress.Attempts} attempts)")
        .Require(Sipp.ExitedCleanly && Sipp.Failed == 0,
            $"SIPp ran every call through the scenario and exited cleanly (exit code {Sipp.ExitCode}{(Sipp.TimedOut ? ", timed out" : "")}; {Sipp.Succeeded} succeeded, {Sipp.Failed} failed: {Sipp.FailureReasons()})")
        .Require(Invites.SustainedRate >= RateTolerance * Campaign.Rate,
            $"INVITEs came at ≥ {RateTolerance:P0} of {Campaign.Rate}/s after the first second (achieved {Invites.SustainedRate:F1}/s)")
        .Require(Node.Warnings == 0 && Node.Errors == 0, $"the node logged no warning or error ({Node.Warnings} warnings, {Node.Errors} errors: {string.Join(" | ", Node.Problems)})")
        .Require(NodeExitCode == 0, $"the node stopped cleanly on SIGTERM (exit code {NodeExitCode})");

    public IEnumerable<string> Describe()
    {
        yield return FormattableString.Invariant($"rate {Campaign.Rate}/s: {(Verdict.Holds ? "HELD" : "NOT HELD")}");
        yield return FormattableString.Invariant(
            $"  campaign: {Campaign.Contacts} numbers, {Campaign.Trunks} trunk(s) at {Campaign.RatePerTrunk:F1}/s, at most {Campaign.MaxConcurrent} at once; {Progress.Status} {Took.TotalSeconds:F1} s after start; attempts {Progress.DescribeAttempts()}");
        yield return $"  trunk (SIPp): {Invites}";
        yield return $"  SIPp: {Sipp.Created} calls, {Sipp.Succeeded} succeeded, {Sipp.Failed} failed, {Sipp.Retransmissions} retransmissions";
        yield return $"  node: {Node.Answered} answered; ended {Node.DescribeEndings()}; {Node.Warnings} warnings, {Node.Errors} errors";
        yield return FormattableString.Invariant(
            $"  CPU from start to completion: node {Cpu.NodeCores:F2} cores, SIPp {Cpu.GeneratorCores:F2}, machine {Cpu.MachineBusy:P0} busy of {Environment.ProcessorCount} cores; load average before {Cpu.LoadAverageBefore}; node peak RSS {Cpu.NodePeakResidentMiB:F0} MiB, {Cpu.NodeThreads} threads");
        yield return $"  node SIP socket: {NodeSipSocket}";
        if (!Verdict.Holds)
        {
            yield return Verdict.Failures();
            if (!Sipp.ExitedCleanly || Sipp.Failed > 0) yield return Sipp.Describe();
        }
    }
}
