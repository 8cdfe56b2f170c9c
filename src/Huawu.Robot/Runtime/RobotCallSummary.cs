using Huawu.Robot.Dialogue;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

/// <summary>How a robot call went: the conversation's result, the nodes it passed, its hand-offs and its turn latencies.</summary>
public sealed record RobotCallSummary(
    ConversationResult Result,
    IReadOnlyList<string> Path,
    IReadOnlyList<HandOffResult> HandOffs,
    IReadOnlyList<TurnLatency> Latencies);

/// <summary>A robot call ready to run, or why it cannot run (each reason names the node or variable).</summary>
public sealed record RobotCallStart(RobotCall? Call, IReadOnlyList<string> Problems);
