using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Sdp;
using Huawu.Telephony.Signaling;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// The UAC side (RFC 3261 §13.2): INVITE with our offer, provisional responses (ringing, early media), the final
// response; CANCEL on ring timeout or hang-up (§9.1), and a 2xx that crosses the CANCEL ends at once. A far end that
// has not answered at all is given up on at once (CallLeg.GiveUp.cs).
internal sealed partial class CallLeg
{
    private SipClientRequest? _outgoingInvite;
    private HangupCause? _cancelCause;
    private bool _cancelAccepted;
    private ITimer? _ringTimer;
    private Action? _onRinging;

    public static CallLeg ForTarget(LegServices services, OutboundTarget target, CallId? id = null) =>
        new(services, CallDirection.Outbound, target.Caller, target.Party, target.Trunk, id);

    /// <summary>
    /// In the mailbox: places the call and completes when it is answered or has failed; <paramref name="onRinging"/> is
    /// told when the far end starts ringing.
    /// </summary>
    public async Task<OriginateResult> RunOutboundAsync(OutboundTarget target, OriginateRequest request, Action? onRinging)
    {
        _onRinging = onRinging;
        Publish(new CallCreated(Id, CreatedAt, Direction, From, To, Trunk, request.OnBehalfOf));
        if (!TryOpenMedia())
        {
            End(HangupCause.NoCircuitAvailable, HangupSide.Local, null);
            return OriginateResult.Failed(HangupCause.NoCircuitAvailable, null, "no free RTP port");
        }
        var invite = _services.Stack.CreateInvite(target.RequestUri, target.From, target.To, _media!.Sdp.CreateOffer().ToUtf8());
        foreach (var (name, value) in request.Headers) invite.AddHeader(name, value);
        Logger.LogInformation("Call {CallId}: INVITE {Uri} from {From}", Id, target.RequestUri, From);
        var sent = _outgoingInvite = _services.Stack.SendInvite(invite, this, target.SendOptions);
        _ringTimer = _services.Time.CreateTimer(static state => ((CallLeg)state!).OnRingTimeout(), this, request.RingTimeout, Timeout.InfiniteTimeSpan);
        var responses = sent.Responses;
        while (await NextResponseOrGivenUpAsync(responses))
        {
            while (responses.TryRead(out var response))
            {
                if (response.IsProvisional) OnProvisional(response);
                else return OnFinal(response);
            }
        }
        return _givenUp.Task.IsCompleted
            ? await _givenUp.Task
            : throw new InvalidOperationException("The responses of an INVITE end with a final one.");
    }

    /// <summary>18x: ringing (once), and early media when it carries the answer to our offer (RFC 3261 §13.2.1).</summary>
    private void OnProvisional(SipResponse response)
    {
        _farEndResponded = true;
        if (IsEnded || response.StatusCode == 100) return;
        if (MarkRinging()) _onRinging?.Invoke();
        if (_media!.Sdp.HasPendingOffer && TryApplyAnswer(response) is { IsSuccess: true } early) ApplyNegotiated(early.Media!);
    }

    private OriginateResult OnFinal(SipResponse response)
    {
        _ringTimer?.Dispose();
        var status = response.StatusCode;
        if (IsEnded) return OriginateResult.Failed(HangupCause.NormalClearing, status, "the call ended meanwhile");
        if (!response.IsSuccess)
        {
            // Our CANCEL's 487 (or whatever the INVITE got instead) ends the call for the reason we cancelled.
            var cause = _cancelCause ?? HangupCauses.FromSipStatus(status);
            var side = _cancelCause is not null || response.Source != SipResponseSource.Received ? HangupSide.Local : HangupSide.Remote;
            End(cause, side, status);
            return OriginateResult.Failed(cause, status, $"{status} {response.ReasonPhrase} ({response.Source})");
        }
        _dialog = response.Dialog;
        if (_cancelCause is { } cancelled)
        {
            // The 2xx crossed our CANCEL: the stack has acknowledged it and sent BYE (RFC 3261 §15: the caller is gone).
            // A 2xx the stack had already delivered when we asked to cancel is ours to end with BYE.
            if (_cancelAccepted) End(cancelled, HangupSide.Local, status);
            else SendByeAndEnd(cancelled);
            return OriginateResult.Failed(cancelled, status, "answered as we cancelled; hung up");
        }
        if (_media!.Sdp.HasPendingOffer && TryApplyAnswer(response) is not { IsSuccess: true })
        {
            // RFC 3261 §13.2.1: the stack has sent the ACK; an unacceptable answer ends the session with BYE.
            SendByeAndEnd(HangupCause.BearerCapabilityNotAvailable);
            return OriginateResult.Failed(HangupCause.BearerCapabilityNotAvailable, status, "the 2xx had no usable SDP answer");
        }
        StartMedia();
        return OriginateResult.Answered(this);
    }

    private NegotiationResult? TryApplyAnswer(SipResponse response)
    {
        if (SdpBodies.Read(response.Message!, out var answer) != SdpBody.Valid) return null;
        var result = _media!.Sdp.ApplyAnswer(answer!);
        if (!result.IsSuccess) Logger.LogWarning("Call {CallId}: unusable SDP answer in {Status}: {Reason}", Id, response.StatusCode, result.Reason);
        return result;
    }

    // A timer thread.
    private void OnRingTimeout() => Mailbox.Post(() => Cancel(HangupCause.NoAnswer));

    /// <summary>
    /// Asks for the unanswered INVITE to be cancelled; the final response (487) ends the leg — or, when the far end
    /// has sent nothing yet, the leg ends now (<see cref="GiveUp"/>).
    /// </summary>
    private void Cancel(HangupCause cause)
    {
        if (IsEnded || IsUp || _cancelCause is not null) return;
        _cancelCause = cause;
        Logger.LogInformation("Call {CallId}: cancelling ({Cause})", Id, cause);
        _cancelAccepted = _outgoingInvite?.Cancel() == true;
        if (_cancelAccepted && !_farEndResponded) GiveUp(cause);
    }
}
