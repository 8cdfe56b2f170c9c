using System.Globalization;
using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// Call setup and teardown rate against a fresh node per step: SIPp's <c>uac_load</c> scenario (INVITE with a PCMU
/// offer, ACK, hold, BYE) calls <c>echo</c> at each rate for the run's duration. Echo is an ordinary answered call —
/// SDP offer/answer, an RTP port pair and a media stream on the clock — so the rate is that of real calls, not of
/// bare SIP dialogs; SIPp sends no RTP here, which leaves the node's media path idle (the echo run loads it).
/// </summary>
internal sealed class CallRateRun(CallRateOptions options, TimeProvider time)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    /// <summary>Runs the steps; 0 when the target rate held, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var directory = RunDirectory.Create("call-rate", time);
        using var report = new RunReport(directory);
        report.Line(FormattableString.Invariant(
            $"Call rate: SIPp uac_load → {options.Service}, {options.Duration.TotalSeconds:F0} s per rate, calls held {options.Hold.TotalSeconds:F1} s; target {options.TargetRate}/s with 0 failures. Load average now {MachineSample.LoadAverage()}."));
        report.Line($"Evidence in {directory}");
        var highest = (await SteppedRun.UntilOneMissesAsync(options.Rates, directory, "rate", report,
            (value, stepDirectory) => RunStepAsync(value, stepDirectory, cancellationToken)))?.Value;
        var met = highest >= options.TargetRate;
        report.Line(highest is { } best
            ? $"Highest rate held with 0 failures: {best} calls/s (target {options.TargetRate}/s: {(met ? "MET" : "MISSED")})."
            : $"No rate held (target {options.TargetRate}/s: MISSED).");
        return met ? 0 : 1;
    }

    private async Task<CallRateStep> RunStepAsync(int rate, string directory, CancellationToken cancellationToken)
    {
        var calls = (int)(rate * options.Duration.TotalSeconds);
        // SIPp's limit on calls in progress leaves room for a slow node, so a node falling behind shows as a lower
        // answer rate rather than as SIPp holding back. The RTP pairs needed are those of the calls held plus a
        // second of setup and teardown (the node takes the least recently used pair).
        var concurrent = (int)Math.Ceiling(rate * (options.Hold.TotalSeconds + 5));
        var ports = RunPorts.Allocate((int)Math.Ceiling(rate * (options.Hold.TotalSeconds + 1)) + 64);
        await using var node = await HuawuNode.StartAsync(ports.Node(), directory, time, cancellationToken);
        var loadAverage = MachineSample.LoadAverage();
        var machineBefore = MachineSample.Now();
        node.TrySampleCpu(time, out var nodeBefore);

        await using var sipp = await SippLoadRun.StartAsync(new SippLoadSettings
        {
            ScenarioFile = Huawu.Testing.Peers.SipTester.SippScenarios.UacLoad().FilePath!,
            Remote = ports.NodeSipAddress,
            Service = options.Service,
            LocalPort = ports.Generator,
            MediaPort = ports.GeneratorMedia,
            Rate = rate,
            Calls = calls,
            ConcurrentLimit = concurrent,
            Hold = options.Hold,
            Timeout = options.Duration + options.Hold + Grace,
        }, directory, time);
        ProcessCpu.TrySample(sipp.ProcessId, time, out var sippBefore);
        var sippAfter = sippBefore;
        var watch = WatchGeneratorCpuAsync(sipp.ProcessId, s => sippAfter = s, cancellationToken);
        var result = await sipp.WaitForExitAsync(options.Duration + options.Hold + Grace + Grace);
        node.TrySampleCpu(time, out var nodeAfter);
        var machineAfter = MachineSample.Now();
        await watch;
        var sipSocket = UdpSocketTable.Read(ports.NodeSip, ports.NodeSip);
        await WaitForNodeLogAsync(node, result.Succeeded, cancellationToken);
        var exitCode = await node.StopAsync();
        return new CallRateStep(rate, calls, result, node.Log, exitCode,
            nodeAfter.CoresSince(nodeBefore, time), sippAfter.CoresSince(sippBefore, time), machineAfter.BusySince(machineBefore), loadAverage, sipSocket);
    }

    // SIPp's last CPU sample before it exits (its /proc entry goes with it).
    private async Task WatchGeneratorCpuAsync(int processId, Action<CpuSample> latest, CancellationToken cancellationToken)
    {
        while (ProcessCpu.TrySample(processId, time, out var sample))
        {
            latest(sample);
            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }
    }

    // The node logs each call's end as it happens; give the last lines a moment to arrive before stopping it.
    private async Task WaitForNodeLogAsync(HuawuNode node, long expectedEndings, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (node.Log.Ended < expectedEndings && time.GetElapsedTime(started) < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }
}
