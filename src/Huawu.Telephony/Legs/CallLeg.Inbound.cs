using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Sdp;
using Huawu.Telephony.Signaling;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// The UAS side (RFC 3261 §13.3): an INVITE arrived; ring, answer (with the SDP answer, or an offer when the INVITE
// had none), or refuse; a CANCEL ends it with 487.
internal sealed partial class CallLeg
{
    private SipServerTransaction? _invite;
    private TaskCompletionSource<bool>? _answering;

    /// <summary>A leg for a new INVITE; start it in its mailbox with <see cref="StartInbound"/>.</summary>
    public static CallLeg ForInvite(LegServices services, SipServerTransaction invite, string from, string to, string? trunk) =>
        new(services, CallDirection.Inbound, from, to, trunk) { _invite = invite };

    /// <summary>
    /// In the mailbox: 100 Trying, media and the answer to the INVITE's offer (488 when nothing is acceptable, RFC 3261
    /// §13.3.1.3), then the handler, which owns the call until its task ends.
    /// </summary>
    public void StartInbound(Func<ICall, Task> handler)
    {
        var invite = _invite!;
        Publish(new CallCreated(Id, CreatedAt, Direction, From, To, Trunk));
        Logger.LogInformation("Call {CallId}: INVITE from {From} to {To} via {Source}", Id, From, To, invite.RemoteEndPoint);
        invite.Respond(100);
        if (!TryOpenMedia())
        {
            Refuse(HangupCause.NoCircuitAvailable, "no free RTP port");
            return;
        }
        var offer = SdpBodies.Read(invite.Request, out var description);
        if (offer == SdpBody.Invalid)
        {
            Refuse(HangupCause.BearerCapabilityNotAvailable, "the INVITE's body is not a usable SDP offer");
            return;
        }
        if (offer == SdpBody.Valid && _media!.Sdp.CreateAnswer(description!) is { IsSuccess: false } refused)
        {
            Refuse(HangupCause.BearerCapabilityNotAvailable, refused.Reason);
            return;
        }
        _ = WatchForCancelAsync(invite);
        _ = RunHandlerAsync(handler);
    }

    public Task RingAsync() => InMailbox(() =>
    {
        if (Direction == CallDirection.Inbound && _state == CallState.Setup && _invite!.Respond(180)) MarkRinging();
        return true;
    });

    public Task<bool> AnswerAsync() => InMailboxAsync(AnswerInMailboxAsync);

    private async Task<bool> AnswerInMailboxAsync()
    {
        if (_answering is { } earlier) return await earlier.Task;
        if (Direction != CallDirection.Inbound || IsEnded) return IsUp;
        var sdp = _media!.Sdp;
        // RFC 3261 §13.2.1: without an offer in the INVITE, ours goes in the 2xx and the answer comes in the ACK.
        var delayedOffer = sdp.Current is null;
        var body = delayedOffer ? sdp.CreateOffer() : sdp.LocalDescription!;
        // The answer time is when the 2xx leaves, not when this mailbox next gets to it.
        var answeredAt = Now;
        var dialog = _invite!.Accept(_invite.CreateResponse(200).SetBody(body.ToUtf8(), SdpBodies.ContentType), this);
        if (dialog is null) return false; // a CANCEL got there first; its 487 ends the leg
        _dialog = dialog;
        // Answered once the caller acknowledges (RFC 3261 §13.3.1.4): media flows from the 2xx when it carried the
        // answer, from the ACK when it carried our offer.
        _answering = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (delayedOffer) _offerAwaitingAck = true;
        else StartMedia(answeredAt);
        return await _answering.Task;
    }

    /// <summary>The ACK brought the answer to the offer in our 2xx (or none): the call is up, or over (§13.3.1.4).</summary>
    private void OnDelayedAnswer(NegotiationResult? answer)
    {
        var answering = _answering!;
        if (answer is { IsSuccess: true })
        {
            StartMedia();
            answering.TrySetResult(true);
            return;
        }
        Logger.LogWarning("Call {CallId}: the ACK carried no usable answer ({Reason}); hanging up", Id, answer?.Reason ?? "no SDP");
        SendByeAndEnd(HangupCause.BearerCapabilityNotAvailable);
        answering.TrySetResult(false);
    }

    /// <summary>Refuses the unanswered INVITE with the status that says <paramref name="cause"/> (RFC 3398 §7.2.4.1).</summary>
    private void Refuse(HangupCause cause, string reason)
    {
        var status = HangupCauses.ToSipStatus(cause);
        Logger.LogInformation("Call {CallId}: refusing with {Status}: {Reason}", Id, status, reason);
        _invite!.Respond(status);
        End(cause, HangupSide.Local, status);
    }

    private async Task WatchForCancelAsync(SipServerTransaction invite)
    {
        await invite.WhenCancelled;
        // RFC 3261 §9.2: the stack has answered the CANCEL 200 and the INVITE 487.
        if (!IsUp) End(HangupCause.OriginatorCancel, HangupSide.Remote, 487);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "The handler is upper-layer code: its failure ends the call, not the node.")]
    private async Task RunHandlerAsync(Func<ICall, Task> handler)
    {
        var failed = false;
        try
        {
            await handler(this);
        }
        catch (Exception exception)
        {
            failed = true;
            Logger.LogError(exception, "Call {CallId}: the inbound handler failed", Id);
        }
        // The handler owned the call; what it leaves up is hung up.
        Hangup(failed ? HangupCause.TemporaryFailure : HangupCause.NormalClearing);
    }
}
