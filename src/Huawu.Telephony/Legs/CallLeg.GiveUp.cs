using System.Threading.Channels;
using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// A far end that never answers (a stale registration, a dead phone): RFC 3261 §9.1 forbids a CANCEL before a
// provisional response, so the INVITE can only end by Timer B (64·T1, 32 s) — far past any ring timeout. The leg does
// not wait for it: it ends at once and the originate returns, while the stack keeps the INVITE transaction running
// with the cancel pending: a late 1xx gets the CANCEL then, a late 2xx its ACK and a BYE (SipClientRequest.Cancel).
internal sealed partial class CallLeg
{
    private readonly TaskCompletionSource<OriginateResult> _givenUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Any 1xx, 100 Trying included: once one has come a CANCEL may go out, and its 487 ends the INVITE promptly.
    private bool _farEndResponded;

    /// <summary>True when a response is ready to read; false when the responses have ended or the leg gave up.</summary>
    private async Task<bool> NextResponseOrGivenUpAsync(ChannelReader<SipResponse> responses)
    {
        if (_givenUp.Task.IsCompleted) return false;
        var ready = responses.WaitToReadAsync().AsTask();
        await Task.WhenAny(ready, _givenUp.Task);
        return !_givenUp.Task.IsCompleted && await ready;
    }

    /// <summary>Ends the leg without waiting for the INVITE's final response; the originate returns for <paramref name="cause"/>.</summary>
    private void GiveUp(HangupCause cause)
    {
        Logger.LogInformation("Call {CallId}: no response from the far end; giving up now, the INVITE ends in the stack", Id);
        End(cause, HangupSide.Local, null);
        _givenUp.TrySetResult(OriginateResult.Failed(cause, null, "no response from the far end (not even 100 Trying)"));
    }
}
