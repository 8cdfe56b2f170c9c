using Huawu.Robot.Dialogue;
using Huawu.Telephony.Calls;

namespace Huawu.Robot.Runtime;

/// <summary>
/// The telephony call under the robot. A hand-off rings the extension on the callee's behalf while the robot keeps the
/// callee (so taking the call back needs nothing: the robot never let go); once the agent answers, the robot's voice
/// is detached and the two calls are bridged. Nobody answering within the no-answer time is <see cref="HandOffOutcome.NoAnswer"/>.
/// A queue's members are offered the call by the ACD (<see cref="Queues"/>), and the one who answers is bridged the same way.
/// </summary>
public sealed partial class CallLine(ICall call, ICallControl control, IHandOffNotifier? notifier, Action detachVoice) : IRobotLine
{
    public string CalleeNumber => call.Direction == CallDirection.Outbound ? call.To : call.From;

    public Task Ended => call.Ended;

    public Task HangUpAsync() => call.HangupAsync();

    public async Task<HandOffResult> HandOffAsync(TransferAction transfer, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (transfer.TargetKind == Scripts.TransferTargetKind.Queue) return await HandOffToQueueAsync(transfer, cancellation);
        // The screen pops while the phone rings: the agent reads the context before picking up.
        if (notifier is not null) await notifier.NotifyAsync(new HandOffNotice(call.Id.ToString(), transfer.Target, CalleeNumber, transfer.Context), cancellation);
        var rung = await control.OriginateAsync(new OriginateRequest(transfer.Target)
        {
            OnBehalfOf = call.Id,
            CallerId = CalleeNumber,
            RingTimeout = TimeSpan.FromSeconds(Math.Max(1, transfer.NoAnswerSeconds)),
            // The phone gets the context too: a phone without the agent's screen can still show it.
            Headers = HandOffHeaders.For(call.Id.ToString(), transfer.Context),
        }, cancellation);
        if (rung.Call is not { } agent)
        {
            return rung.Cause == HangupCause.NoAnswer
                ? new HandOffResult(HandOffOutcome.NoAnswer, rung.Reason)
                : new HandOffResult(HandOffOutcome.Failed, rung.ToString());
        }
        return await BridgeAsync(agent);
    }

    /// <summary>The agent answered: the robot lets go of the callee, and the two hear each other.</summary>
    private async Task<HandOffResult> BridgeAsync(ICall agent)
    {
        detachVoice();
        if (await call.BridgeAsync(agent)) return new HandOffResult(HandOffOutcome.Answered);
        await agent.HangupAsync();
        return new HandOffResult(HandOffOutcome.Failed, "the callee's call could not be bridged to the agent (it may have ended)");
    }
}
