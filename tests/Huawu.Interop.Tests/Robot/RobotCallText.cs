using Huawu.Robot.Runtime;

namespace Huawu.Interop.Tests.Robot;

/// <summary>What a robot call did, for a failing assertion: its path, outcome and every transcript line.</summary>
internal static class RobotCallText
{
    public static string Describe(RobotCallSummary summary) =>
        $"path {string.Join(" > ", summary.Path)}; outcome {summary.Result.Outcome}, grade {summary.Result.Grade}; hand-offs {string.Join(", ", summary.HandOffs)}\n" +
        string.Join("\n", summary.Result.Transcript.Select(e => $"  {e.At:HH:mm:ss.fff} {e.Speaker} [{e.NodeId}] {e.Text} ({e.Intent} {e.Confidence})"));
}
