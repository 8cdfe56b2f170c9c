using Huawu.Robot.Dialogue;
using Huawu.Robot.Runtime;

namespace Huawu.Robot.Tests.Runtime;

/// <summary>The call under the robot in runtime tests: the test decides how hand-offs end and when the callee hangs up.</summary>
internal sealed class FakeLine(string callee = "+8613800138000") : IRobotLine
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string CalleeNumber => callee;

    public Task Ended => _ended.Task;

    public int HangUps { get; private set; }

    public List<TransferAction> HandOffs { get; } = [];

    public HandOffResult NextHandOff { get; set; } = new(HandOffOutcome.Answered);

    public Task HangUpAsync()
    {
        HangUps++;
        _ended.TrySetResult();
        return Task.CompletedTask;
    }

    public void CalleeHangsUp() => _ended.TrySetResult();

    public Task<HandOffResult> HandOffAsync(TransferAction transfer, CancellationToken cancellation)
    {
        HandOffs.Add(transfer);
        return Task.FromResult(NextHandOff);
    }
}
