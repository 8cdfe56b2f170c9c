using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;
using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Tests.Runtime;

/// <summary>What a robot call wrote, in the order it wrote it (one list, so "before" can be asserted).</summary>
internal sealed class MemoryCallLog : IRobotCallLog
{
    public List<object> Written { get; } = [];

    public ConversationResult? Result { get; private set; }

    public IEnumerable<RobotSegment> Segments => Written.OfType<RobotSegment>();

    public Task AppendAsync(RobotSegment segment) => Add(segment);

    public Task RecordLatencyAsync(string nodeId, TurnLatency latency) => Add((nodeId, latency));

    public Task RecordEventAsync(string kind, string detail) => Add((kind, detail));

    public async Task<bool> AddDoNotCallAsync(string number, string reason)
    {
        await Add(("dnc", number));
        return true;
    }

    public Task FinishAsync(ConversationResult result)
    {
        Result = result;
        return Add(result);
    }

    /// <summary>Waits (bounded) until something matching was written: the log is written from the robot's own loop.</summary>
    public async Task WaitForAsync(Func<object, bool> written)
    {
        for (var i = 0; i < 500; i++)
        {
            lock (Written)
            {
                if (Written.Any(written)) return;
            }
            await Task.Delay(10);
        }
        Assert.Fail("the expected log entry was never written");
    }

    private Task Add(object written)
    {
        lock (Written) Written.Add(written);
        return Task.CompletedTask;
    }
}
