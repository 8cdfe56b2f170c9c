using Huawu.Robot.Dialogue;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Runtime;

/// <summary>A call's log with a watcher (a console printing the conversation live): each entry is stored, then shown.</summary>
internal sealed class WatchedCallLog(IRobotCallLog stored, IRobotCallLog watcher) : IRobotCallLog
{
    public async Task AppendAsync(RobotSegment segment)
    {
        await stored.AppendAsync(segment);
        await watcher.AppendAsync(segment);
    }

    public async Task RecordLatencyAsync(string nodeId, TurnLatency latency)
    {
        await stored.RecordLatencyAsync(nodeId, latency);
        await watcher.RecordLatencyAsync(nodeId, latency);
    }

    public async Task RecordEventAsync(string kind, string detail)
    {
        await stored.RecordEventAsync(kind, detail);
        await watcher.RecordEventAsync(kind, detail);
    }

    // Only the store lists numbers; the watcher sees the robot.do_not_call event RobotCall records right after.
    public Task<bool> AddDoNotCallAsync(string number, string reason) => stored.AddDoNotCallAsync(number, reason);

    public async Task FinishAsync(ConversationResult result)
    {
        await stored.FinishAsync(result);
        await watcher.FinishAsync(result);
    }
}
