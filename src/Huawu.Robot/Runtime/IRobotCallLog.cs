using Huawu.Robot.Dialogue;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

/// <summary>One line of the call's transcript as it is written while the call goes on.</summary>
/// <param name="Speaker"><c>robot</c> or <c>customer</c>, as the transcripts store them.</param>
/// <param name="Start">When the line began, from the start of the call.</param>
/// <param name="End">When it ended.</param>
public sealed record RobotSegment(string Speaker, TimeSpan Start, TimeSpan End, string Text, string NodeId, string? Intent = null, double? Confidence = null)
{
    public const string Robot = "robot";
    public const string Customer = "customer";
}

/// <summary>
/// Where a robot call writes what it does, as it does it: transcript lines, turn latencies, events (hand-offs), the
/// do-not-call entry (before the robot says another word), and the result at the end.
/// </summary>
public interface IRobotCallLog
{
    Task AppendAsync(RobotSegment segment);

    Task RecordLatencyAsync(string nodeId, TurnLatency latency);

    Task RecordEventAsync(string kind, string detail);

    /// <summary>Lists the callee's number at once; false when it could not be listed (the reason is logged by the implementation).</summary>
    Task<bool> AddDoNotCallAsync(string number, string reason);

    /// <summary>Writes the outcome, grade, tags and variables to the call record.</summary>
    Task FinishAsync(ConversationResult result);
}
