using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Sdp;
using Huawu.Telephony.Signaling;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// Re-negotiation of an established call (RFC 3264 §8): hold and resume from our side (re-INVITE with a sendonly or
// sendrecv offer), and the far end's offers in re-INVITE or UPDATE — which may hold us, resume, or move its media.
internal sealed partial class CallLeg
{
    private bool _localHold;
    private bool _remoteHold;
    private bool _offerAwaitingAck;

    public Task<bool> HoldAsync() => InMailboxAsync(() => RenegotiateAsync(hold: true));

    public Task<bool> ResumeAsync() => InMailboxAsync(() => RenegotiateAsync(hold: false));

    private async Task<bool> RenegotiateAsync(bool hold)
    {
        if (!IsUp || _dialog is not { } dialog || _media!.Sdp.HasPendingOffer) return false;
        if (hold == _localHold) return true;
        var offer = _media.Sdp.CreateOffer(hold);
        var response = await dialog.SendReInvite(offer.ToUtf8()).FinalResponse;
        if (IsEnded) return false;
        if (!response.IsSuccess)
        {
            // RFC 3264 §8: a refused re-offer leaves the session as it was (481/408 end the dialog, reported apart).
            _media.Sdp.AbandonOffer();
            Logger.LogInformation("Call {CallId}: {Action} refused with {Status}", Id, hold ? "hold" : "resume", response.StatusCode);
            return false;
        }
        if (TryApplyAnswer(response) is not { IsSuccess: true } answer) return false;
        _localHold = hold;
        ApplyNegotiated(answer.Media!);
        Publish(hold ? new CallHeld(Id, Now, HangupSide.Local) : new CallResumed(Id, Now, HangupSide.Local));
        RefreshHeldState();
        return true;
    }

    /// <summary>
    /// A re-INVITE or UPDATE from the far end (RFC 3261 §14.2, RFC 3311): with an offer, answered in the 200 (488 when
    /// unacceptable, 491 while our own offer is out); without one, a re-INVITE gets our offer and its ACK the answer.
    /// </summary>
    private void OnRemoteOffer(SipServerTransaction request)
    {
        var sdp = _media?.Sdp;
        if (sdp is null || IsEnded)
        {
            request.Respond(481);
            return;
        }
        var isInvite = request.Request.Method.Known == KnownMethod.Invite;
        switch (SdpBodies.Read(request.Request, out var offer))
        {
            case SdpBody.Invalid:
                request.Respond(488);
                return;
            case SdpBody.None when !isInvite:
                request.Respond(200); // an UPDATE refreshing the session, with nothing to negotiate
                return;
            case SdpBody.None:
                if (sdp.HasPendingOffer)
                {
                    request.Respond(491);
                    return;
                }
                request.Send(request.CreateResponse(200).SetBody(sdp.CreateOffer(sdp.IsHolding).ToUtf8(), SdpBodies.ContentType));
                _offerAwaitingAck = true;
                return;
        }
        var answer = sdp.CreateAnswer(offer!);
        if (!answer.IsSuccess)
        {
            // RFC 3261 §14.2: a refused re-offer keeps the session; 491 when offers crossed (RFC 3264 §4).
            request.Respond(answer.Failure == NegotiationFailure.OfferPending ? 491 : 488);
            return;
        }
        request.Send(request.CreateResponse(200).SetBody(answer.Answer!.ToUtf8(), SdpBodies.ContentType));
        ApplyNegotiated(answer.Media!);
    }

    /// <summary>The ACK of our 2xx: it carries the answer when our 2xx carried the offer (RFC 3261 §13.2.1, §14).</summary>
    private void OnAck(SipMessage ack)
    {
        if (IsEnded) return;
        if (!_offerAwaitingAck)
        {
            _answering?.TrySetResult(true); // the ACK of our answer: the call is established
            return;
        }
        _offerAwaitingAck = false;
        var sdp = _media!.Sdp;
        NegotiationResult? answer = SdpBodies.Read(ack, out var description) == SdpBody.Valid ? sdp.ApplyAnswer(description!) : null;
        if (answer is null) sdp.AbandonOffer();
        if (!IsUp)
        {
            OnDelayedAnswer(answer);
            return;
        }
        if (answer is { IsSuccess: true }) ApplyNegotiated(answer.Media!);
        else Logger.LogWarning("Call {CallId}: the ACK of a re-INVITE carried no usable answer; the session stays as it was", Id);
    }

    /// <summary>The far end's hold follows the agreed direction; CallHeld/CallResumed are published on each change.</summary>
    private void UpdateHold(bool remoteHolds)
    {
        if (remoteHolds == _remoteHold) return;
        _remoteHold = remoteHolds;
        Publish(remoteHolds ? new CallHeld(Id, Now, HangupSide.Remote) : new CallResumed(Id, Now, HangupSide.Remote));
        RefreshHeldState();
    }

    private void RefreshHeldState()
    {
        if (IsUp) _state = _localHold || _remoteHold ? CallState.Held : CallState.Answered;
    }
}
