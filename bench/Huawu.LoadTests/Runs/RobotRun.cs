using System.Globalization;
using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;
using Huawu.LoadTests.Wire;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// Concurrent robot conversations against a fresh node per step: SIPp's <c>uac_robot</c> calls the <c>parrot</c> (the voice
/// pipeline with the node's embedded engines: energy VAD, pocketsphinx with a grammar, espeak-ng) and plays each caller's
/// side from one capture made here — the prompt every period, silence between — so every call speaks, is recognized and
/// hears a reply every few seconds. Judged from outside the node: what it stored (transcripts and each turn's latency,
/// through the API), its CPU, and a capture of the first calls for its media clock.
/// </summary>
internal sealed class RobotRun(RobotOptions options, TimeProvider time)
{
    // One word, over before the caller first speaks (RobotConversation.Lead).
    private const string Greeting = "Hello.";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1), Grace = TimeSpan.FromSeconds(60);

    /// <summary>Runs the steps; 0 when some call count held, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var directory = RunDirectory.Create("robot", time);
        using var report = new RunReport(directory);
        report.Line(FormattableString.Invariant(
            $"Robot calls: SIPp uac_robot → parrot, set up at {options.SetupRate:F0}/s, each caller saying {options.Prompt}.wav every {options.Period.TotalSeconds:F0} s for {options.Duration.TotalSeconds:F0} s; {options.CaptureCalls} calls captured. Holds: every turn answered and recognized, p95 ≤ 500 ms, no tick skipped, no call failed. Load average now {MachineSample.LoadAverage()}."));
        report.Line($"Evidence in {directory}");
        var highest = (await SteppedRun.UntilOneMissesAsync(options.CallCounts, directory, "calls", report,
            (calls, stepDirectory) => RunStepAsync(calls, stepDirectory, cancellationToken)))?.Step;
        report.Line(highest is { } best
            ? FormattableString.Invariant($"Most concurrent robot calls held: {best.Calls}, the node using {best.Cpu.NodeCores:F2} cores: {best.Calls / best.Cpu.NodeCores:F0} calls per core.")
            : "No call count held.");
        return highest is null ? 1 : 0;
    }

    private async Task<RobotStep> RunStepAsync(int calls, string directory, CancellationToken cancellationToken)
    {
        var ports = RunPorts.Allocate(calls + 32);
        var captured = Math.Min(options.CaptureCalls, calls);
        var ramp = TimeSpan.FromSeconds(calls / options.SetupRate);
        var conversation = RobotConversation.Write(directory, options.Prompt, options.Duration, options.Period);
        var hold = conversation.Length + Margin;
        var scenario = await WriteScenarioAsync(directory, conversation, hold, cancellationToken);

        await using var node = await HuawuNode.StartAsync(ports.Node() with { ParrotGreeting = Greeting }, directory, time, cancellationToken, LoadAdministrator.AddAsync);
        var capture = captured > 0 ? await BulkCapture.StartAsync(directory, ports.FirstRtp, ports.FirstRtp + 2 * captured - 1) : null;
        try
        {
            var loadAverage = MachineSample.LoadAverage();
            await using var sipp = await SippLoadRun.StartAsync(new SippLoadSettings
            {
                ScenarioFile = scenario,
                Remote = ports.NodeSipAddress,
                Service = "parrot",
                LocalPort = ports.Generator,
                MediaPort = ports.GeneratorMedia,
                Rate = options.SetupRate,
                Calls = calls,
                ConcurrentLimit = calls,
                Hold = hold,
                Timeout = hold + ramp + Grace,
            }, directory, time);

            var rampStart = WindowSample.Take(node.ProcessId, sipp.ProcessId, capture?.ProcessId, time);
            var rampThreads = ThreadCpu.Sample(node.ProcessId);
            // The window: from the last call answered to the first call ended, when every call is talking to the robot.
            var reached = await WaitForAsync(() => node.Log.Answered >= calls, node, ramp + Grace, cancellationToken);
            var before = WindowSample.Take(node.ProcessId, sipp.ProcessId, capture?.ProcessId, time);
            var threadsBefore = ThreadCpu.Sample(node.ProcessId);
            var rampWindow = time.GetElapsedTime(rampStart.Node.Timestamp, before.Node.Timestamp);
            var ramping = FormattableString.Invariant(
                $"node {before.Node.CoresSince(rampStart.Node, time):F2} cores over {rampWindow.TotalSeconds:F1} s; by thread name: {threadsBefore.BusiestSince(rampThreads, rampWindow)}");
            if (reached) await WaitForAsync(() => node.Log.Ended > 0, node, hold + Grace, cancellationToken);
            var after = WindowSample.Take(node.ProcessId, sipp.ProcessId, capture?.ProcessId, time);
            var sockets = UdpSocketTable.Read(ports.FirstRtp, ports.LastRtp);
            var window = time.GetElapsedTime(before.Node.Timestamp, after.Node.Timestamp);
            var threads = ThreadCpu.Sample(node.ProcessId).BusiestSince(threadsBefore, window);
            var cpu = after.Since(before, time, loadAverage, ProcessCpu.Memory(node.ProcessId));

            var result = await sipp.WaitForExitAsync(hold + ramp + Grace + Grace);
            var stored = await WaitForAsync(() => node.Log.TranscriptsStored >= calls, node, Grace, cancellationToken);
            var counters = capture is null ? null : await capture.StopAsync();
            RobotTurns turns;
            using (var api = await LoadAdministrator.SignInAsync(node, cancellationToken))
            {
                turns = await RobotTurns.ReadAsync(api, RobotConversation.Phrase(options.Prompt), cancellationToken);
            }
            var exitCode = await node.StopAsync();
            var wire = capture is null ? null : Analyze(capture, ports);
            return new RobotStep(calls, conversation.Utterances, window, reached, stored, result, node.Log, exitCode, ramping, cpu, threads, turns, sockets, captured, counters, wire);
        }
        finally
        {
            if (capture is not null) await capture.DisposeAsync(options.KeepCapture);
        }
    }

    private static async Task<string> WriteScenarioAsync(string directory, RobotConversation conversation, TimeSpan hold, CancellationToken cancellationToken)
    {
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "LoadScenarios", "uac_robot.xml"), cancellationToken);
        var scenario = Path.Combine(directory, "uac_robot.xml");
        await File.WriteAllTextAsync(scenario, template
            .Replace("@PCAP@", conversation.PcapFile, StringComparison.Ordinal)
            .Replace("@HOLD_MS@", ((long)hold.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), cancellationToken);
        return scenario;
    }

    private static RobotWireSummary Analyze(BulkCapture capture, RunPorts ports)
    {
        var analysis = new RobotWireAnalysis(ports.FirstRtp, ports.LastRtp);
        foreach (var file in capture.Files) analysis.AddFile(file);
        return analysis.Summarize();
    }

    private async Task<bool> WaitForAsync(Func<bool> condition, HuawuNode node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (!condition())
        {
            if (time.GetElapsedTime(started) > timeout || node.HasExited) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
        return true;
    }
}
