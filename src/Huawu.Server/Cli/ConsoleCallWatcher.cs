using System.Globalization;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;
using Huawu.Speech.Pipeline;

namespace Huawu.Server.Cli;

/// <summary>
/// A robot call shown live on a terminal: each line as it is said or heard, each reply's latency, hand-offs, the result.
/// With a <paramref name="prefix"/> (several calls at once) every line starts with it.
/// </summary>
internal sealed class ConsoleCallWatcher(TextWriter output, string prefix = "") : IRobotCallLog
{
    private readonly List<TimeSpan> _latencies = [];

    /// <summary>Reply latencies seen so far (end of the callee's speech to the robot's first sound).</summary>
    public IReadOnlyList<TimeSpan> Latencies => _latencies;

    public Task AppendAsync(RobotSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var understood = segment.Intent is { } intent
            ? string.Create(CultureInfo.InvariantCulture, $"   [{intent}{(segment.Confidence is { } c ? $" {c:F2}" : "")}]")
            : "";
        return WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"[{segment.Start.TotalSeconds,6:F1}s] {segment.Speaker,-8} {segment.Text}{understood}"));
    }

    public Task RecordLatencyAsync(string nodeId, TurnLatency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        _latencies.Add(latency.Total);
        return WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"          reply in {latency.Total.TotalMilliseconds:F0} ms (silence {latency.TrailingSilence.TotalMilliseconds:F0}, recognition {latency.Recognition.TotalMilliseconds:F0}, synthesis {latency.Synthesis.TotalMilliseconds:F0})"));
    }

    public Task RecordEventAsync(string kind, string detail) => WriteAsync($"          {kind}: {detail}");

    public Task<bool> AddDoNotCallAsync(string number, string reason) => Task.FromResult(false);

    public Task FinishAsync(ConversationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = result.Tags.Count > 0 ? ", tags " + string.Join(',', result.Tags) : "";
        // What the call stores besides: its variables, the slots the callee filled and the script's set values.
        var variables = result.Variables.Count > 0 ? "; variables " + string.Join(", ", result.Variables.Select(v => $"{v.Key}={v.Value}")) : "";
        return WriteAsync($"outcome {result.Outcome}, grade {result.Grade ?? "-"}{tags}{(result.AddedToDoNotCall ? ", on the do-not-call list" : "")}{variables}");
    }

    /// <summary>One line (with the prefix), flushed at once: calls running together write to one terminal.</summary>
    public async Task WriteAsync(string line)
    {
        await output.WriteLineAsync(prefix + line);
        await output.FlushAsync();
    }
}
