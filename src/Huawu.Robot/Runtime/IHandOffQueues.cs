using Huawu.Telephony.Calls;

namespace Huawu.Robot.Runtime;

/// <summary>
/// A caller to put through to an agent of <paramref name="Queue"/>: wait at most <paramref name="MaxWait"/> (the script's
/// no-answer time; the queue's own limit may be shorter). <paramref name="Offering"/> runs before each agent's phone rings,
/// with the agent's extension, so the agent's screen shows the context while the phone rings.
/// </summary>
/// <param name="CallerId">The number the agents' phones show (the callee the robot speaks with).</param>
public sealed record QueueHandOff(ICall Caller, string Queue, TimeSpan MaxWait, string CallerId, Func<string, CancellationToken, Task> Offering);

/// <summary>How a queue hand-off ended: the answering agent's call (not yet bridged) and extension, or why nobody took it.</summary>
public sealed record QueueHandOffResult(HandOffOutcome Outcome, ICall? Agent = null, string? Extension = null, string? Reason = null);

/// <summary>
/// The queues a robot may hand a callee to (the ACD, in Huawu.ContactCenter): a <c>transfer: {queue: …}</c> node's target.
/// The robot keeps the callee meanwhile and bridges the agent's call itself, as for an extension.
/// </summary>
public interface IHandOffQueues
{
    /// <summary>Whether this node has a queue named <paramref name="queue"/> (checked before dialling, so a script never fails mid-call on a typo).</summary>
    bool Contains(string queue);

    /// <summary>
    /// Offers the caller to the queue's members until one answers, the wait is over, the caller leaves or
    /// <paramref name="cancellation"/> is cancelled. Never throws for the far ends' failures: they are results.
    /// </summary>
    Task<QueueHandOffResult> ConnectAsync(QueueHandOff handOff, CancellationToken cancellation);
}
