using Huawu.Robot.Dialogue;

namespace Huawu.Robot.Runtime;

// The hand-off to a queue: the ACD offers the callee to the queue's members (each agent's screen pops as their phone
// rings, the same handoff notice as for an extension) and returns the answering agent's call, bridged here as for an
// extension; nobody answering within the no-answer time (or the queue's shorter limit) gives the callee back to the robot.
public sealed partial class CallLine
{
    /// <summary>The node's queues (the ACD); without them a transfer to a queue fails and the robot keeps the callee.</summary>
    public IHandOffQueues? Queues { get; init; }

    private async Task<HandOffResult> HandOffToQueueAsync(TransferAction transfer, CancellationToken cancellation)
    {
        if (Queues is not { } queues || !queues.Contains(transfer.Target))
        {
            return new HandOffResult(HandOffOutcome.Failed, $"queue '{transfer.Target}': no such queue on this node (see queues: in the configuration)");
        }
        var handOff = new QueueHandOff(call, transfer.Target, TimeSpan.FromSeconds(Math.Max(1, transfer.NoAnswerSeconds)), CalleeNumber,
            (extension, token) => notifier is null
                ? Task.CompletedTask
                : notifier.NotifyAsync(new HandOffNotice(call.Id.ToString(), extension, CalleeNumber, transfer.Context) { Queue = transfer.Target }, token));
        var reached = await queues.ConnectAsync(handOff, cancellation);
        return reached.Agent is { } agent ? await BridgeAsync(agent) : new HandOffResult(reached.Outcome, reached.Reason);
    }
}
