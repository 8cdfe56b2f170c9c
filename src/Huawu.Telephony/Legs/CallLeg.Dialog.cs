using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Signaling;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// The leg's dialog (RFC 3261 §12): requests the far end sends in it, the ACK of our 2xx, and its end. The stack calls
// on its own threads; everything is posted into the mailbox.
internal sealed partial class CallLeg : ISipDialogHandler
{
    private Task? _bye;

    /// <summary>The BYE we sent, until its final response (the node waits for it before closing the stack).</summary>
    public Task ByeCompletion => _bye ?? Task.CompletedTask;

    void ISipDialogHandler.OnRequest(SipDialog dialog, SipServerTransaction request) => Mailbox.Post(() => OnDialogRequest(dialog, request));

    void ISipDialogHandler.OnAck(SipDialog dialog, SipMessage ack) => Mailbox.Post(() => OnAck(ack));

    void ISipDialogHandler.OnAckTimeout(SipDialog dialog) => Mailbox.Post(() =>
    {
        if (IsEnded || dialog != _dialog) return;
        // RFC 3261 §13.3.1.4: no ACK for 64·T1 — the session is not established; end it with BYE.
        Logger.LogWarning("Call {CallId}: our 2xx was never acknowledged; hanging up", Id);
        SendByeAndEnd(HangupCause.RecoveryOnTimerExpiry);
    });

    void ISipDialogHandler.OnTerminated(SipDialog dialog) => Mailbox.Post(() => OnDialogEnded(dialog));

    private void OnDialogRequest(SipDialog dialog, SipServerTransaction request)
    {
        switch (request.Request.Method.Known)
        {
            case KnownMethod.Bye:
                // RFC 3261 §15.1.2: answer 200 and end the session.
                request.Respond(200);
                if (dialog == _dialog) End(HangupCause.NormalClearing, HangupSide.Remote, null);
                break;
            case KnownMethod.Invite:
            case KnownMethod.Update:
                OnRemoteOffer(request);
                break;
            case KnownMethod.Info:
                OnInfo(request);
                break;
            case KnownMethod.Notify:
                OnNotify(request);
                break;
            case KnownMethod.Refer:
                OnRefer(request);
                break;
            default:
                request.Respond(501);
                break;
        }
    }

    /// <summary>RFC 6086: INFO carrying DTMF (or nothing, as a keepalive) is taken; other bodies are not (415 by the stack).</summary>
    private void OnInfo(SipServerTransaction request)
    {
        if (request.Request.Body.IsEmpty)
        {
            request.Respond(200);
            return;
        }
        if (!DtmfInfo.IsDtmf(request.Request, out var key))
        {
            request.Respond(415);
            return;
        }
        if (key is not { } valid)
        {
            request.Respond(400, "Unreadable DTMF");
            return;
        }
        request.Respond(200);
        OnDtmf(valid, DtmfMethod.SipInfo);
    }

    /// <summary>The dialog ended without a BYE of either side passing through here: a failure or the stack stopping.</summary>
    private void OnDialogEnded(SipDialog dialog)
    {
        if (dialog != _dialog || IsEnded) return;
        var reason = dialog.EndReason;
        Logger.LogInformation("Call {CallId}: dialog ended ({Reason})", Id, reason);
        switch (reason)
        {
            case SipDialogEnd.ByeReceived:
                End(HangupCause.NormalClearing, HangupSide.Remote, null);
                break;
            case SipDialogEnd.RequestFailed:
                // RFC 3261 §12.2.1.2: a 481 or a timeout in the dialog means the far end is gone.
                End(HangupCause.DestinationOutOfOrder, HangupSide.Remote, null);
                break;
            default:
                End(HangupCause.NormalClearing, HangupSide.Local, null);
                break;
        }
    }
}
