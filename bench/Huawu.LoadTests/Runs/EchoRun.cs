using System.Globalization;
using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;
using Huawu.LoadTests.Wire;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// Concurrent echo calls with RTP both ways against a fresh node per step. SIPp's <c>uac_echo_rtp</c> scenario
/// plays a random PCMU file with <c>rtp_stream</c> (a thread pool of playback tasks, 20 per thread by default:
/// PCAP play would start a thread per call), all from SIPp's one media port; the node echoes each call from its
/// own port. Loss is judged from outside the node: the kernel's drop counters of its sockets, a capture of the
/// first calls compared payload by payload, and the node's own RTCP read off the wire.
/// </summary>
internal sealed class EchoRun(EchoOptions options, TimeProvider time)
{
    private const string PayloadFile = "echo_load.ulaw";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2), Margin = TimeSpan.FromSeconds(10), Grace = TimeSpan.FromSeconds(60);

    /// <summary>Runs the steps; 0 when the target call count held, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var directory = RunDirectory.Create("echo", time);
        using var report = new RunReport(directory);
        report.Line(FormattableString.Invariant(
            $"Concurrent echo calls: SIPp uac_echo_rtp → echo, set up at {options.SetupRate:F0}/s, all held {options.Duration.TotalSeconds:F0} s, 20 ms PCMU both ways; {options.CaptureCalls} calls captured; target {options.TargetCalls} calls without loss. Load average now {MachineSample.LoadAverage()}."));
        report.Line($"Evidence in {directory}");
        var highest = (await SteppedRun.UntilOneMissesAsync(options.CallCounts, directory, "calls", report,
            (value, stepDirectory) => RunStepAsync(value, stepDirectory, cancellationToken)))?.Value;
        var met = highest >= options.TargetCalls;
        report.Line(highest is { } best
            ? $"Most concurrent echo calls held without loss: {best} (target {options.TargetCalls}: {(met ? "MET" : "MISSED")})."
            : $"No call count held (target {options.TargetCalls}: MISSED).");
        return met ? 0 : 1;
    }

    private async Task<EchoStep> RunStepAsync(int calls, string directory, CancellationToken cancellationToken)
    {
        var ports = RunPorts.Allocate(calls + 32);
        var captured = Math.Min(options.CaptureCalls, calls);
        var ramp = TimeSpan.FromSeconds(calls / options.SetupRate);
        var hold = ramp + Settle + options.Duration + Margin;
        EchoPayload.Write(Path.Combine(directory, PayloadFile), hold + Margin);

        await using var node = await HuawuNode.StartAsync(ports.Node(), directory, time, cancellationToken);
        await using var rtcp = RtcpReportCollector.Start(ports.GeneratorRtcp);
        // The node hands out its range in order, so the first calls set up take its first ports.
        var capture = captured > 0 ? await BulkCapture.StartAsync(directory, ports.FirstRtp, ports.FirstRtp + 2 * captured - 1) : null;
        try
        {
            var loadAverage = MachineSample.LoadAverage();
            await using var sipp = await SippLoadRun.StartAsync(new SippLoadSettings
            {
                ScenarioFile = Path.Combine(AppContext.BaseDirectory, "LoadScenarios", "uac_echo_rtp.xml"),
                Remote = ports.NodeSipAddress,
                LocalPort = ports.Generator,
                MediaPort = ports.GeneratorMedia,
                Rate = options.SetupRate,
                Calls = calls,
                ConcurrentLimit = calls,
                Hold = hold,
                Timeout = hold + ramp + Grace,
                RtpTasksPerThread = options.RtpTasksPerThread,
            }, directory, time);

            var reached = await WaitForAnsweredAsync(node, calls, ramp + Grace, cancellationToken);
            await Task.Delay(Settle, time, cancellationToken);
            var before = WindowSample.Take(node.ProcessId, sipp.ProcessId, capture?.ProcessId, time);
            var endedBefore = node.Log.Ended;
            if (reached) await Task.Delay(options.Duration, time, cancellationToken);
            var after = WindowSample.Take(node.ProcessId, sipp.ProcessId, capture?.ProcessId, time);
            var endedDuringWindow = node.Log.Ended - endedBefore;
            var sockets = UdpSocketTable.Read(ports.FirstRtp, ports.LastRtp);
            var memory = ProcessCpu.Memory(node.ProcessId);
            var cpu = after.Since(before, time, loadAverage, memory);

            var result = await sipp.WaitForExitAsync(hold + ramp + Grace + Grace);
            // The node's last RTCP (a BYE with a final report) leaves as each call ends.
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            var nodeRtcp = await rtcp.StopAsync();
            var counters = capture is null ? null : await capture.StopAsync();
            var exitCode = await node.StopAsync();
            var wire = capture is null ? null : Analyze(capture, ports);
            return new EchoStep(calls, options.Duration, reached, endedDuringWindow, result, node.Log, exitCode, cpu, sockets, nodeRtcp, captured, counters, wire);
        }
        finally
        {
            if (capture is not null) await capture.DisposeAsync(options.KeepCapture);
        }
    }

    private static EchoWireSummary Analyze(BulkCapture capture, RunPorts ports)
    {
        var analysis = new EchoWireAnalysis(ports.GeneratorMedia, ports.FirstRtp, ports.LastRtp);
        foreach (var file in capture.Files) analysis.AddFile(file);
        return analysis.Summarize();
    }

    private async Task<bool> WaitForAnsweredAsync(HuawuNode node, int calls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (node.Log.Answered < calls)
        {
            if (time.GetElapsedTime(started) > timeout || node.HasExited) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
        return true;
    }
}
