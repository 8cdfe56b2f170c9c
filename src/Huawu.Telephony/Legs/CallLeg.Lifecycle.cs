using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// How a leg moves through its states, and how it ends: once, releasing everything it holds.
internal sealed partial class CallLeg
{
    private readonly List<ICallRecording> _recordings = [];

    /// <summary>Setup → Ringing, publishing <see cref="CallRinging"/> once; false when it was past Setup.</summary>
    private bool MarkRinging()
    {
        if (_state != CallState.Setup) return false;
        _state = CallState.Ringing;
        Publish(new CallRinging(Id, Now));
        return true;
    }

    /// <summary>Media is agreed and flows: Answered, publishing <see cref="CallAnswered"/> once.</summary>
    private void MarkAnswered(DateTimeOffset? at = null)
    {
        if (_state is not (CallState.Setup or CallState.Ringing)) return;
        var now = at ?? Now;
        Volatile.Write(ref _answeredAtTicks, now.UtcTicks);
        _state = CallState.Answered;
        Logger.LogInformation("Call {CallId} answered ({Codec})", Id, _media!.Codec);
        Publish(new CallAnswered(Id, now, _media.Codec));
    }

    /// <summary>
    /// Ends the leg, once: the media stream closes, recordings, playback and DTMF collection stop, it leaves its bridge
    /// or conference, the node forgets the leg and <see cref="CallHungUp"/> is published; then a bridged partner is hung
    /// up when the bridge says so. Signalling (BYE, a final response, CANCEL) is the caller's.
    /// </summary>
    private void End(HangupCause cause, HangupSide side, int? sipStatus)
    {
        if (IsEnded) return;
        _state = CallState.Ended;
        // A leg whose party was handed to another by a transfer ended because of it, whoever hangs up.
        if (_handedOver && cause == HangupCause.NormalClearing) cause = HangupCause.Transferred;
        _handOverTimer?.Dispose();
        if (_transfer is { } transfer) FinishTransfer(transfer, null, "the call ended before the transfer's outcome was known");
        _ringTimer?.Dispose();
        _media?.Outgoing.Playback?.Finish(PlaybackEnd.HungUp);
        _dtmf.Close();
        _answering?.TrySetResult(false);
        foreach (var recording in _recordings) recording.Stop();
        var leftBehind = LeaveAttachment();
        _media?.Dispose();
        var now = Now;
        var answeredAt = AnsweredAt;
        var ring = (answeredAt ?? now) - CreatedAt;
        var talk = answeredAt is { } answered ? now - answered : TimeSpan.Zero;
        var hungUp = new CallHungUp(Id, now, cause, side, sipStatus, ring, talk);
        Logger.LogInformation("Call {CallId} ended: {Cause} by {Side} (SIP {Status}), rang {Ring}, talked {Talk}", Id, cause, side, sipStatus, ring, talk);
        Publish(hungUp);
        _services.OnEnded(this);
        _ended.TrySetResult(hungUp);
        leftBehind?.Invoke();
    }

    public Task HangupAsync(HangupCause cause = HangupCause.NormalClearing) => InMailbox(() =>
    {
        Hangup(cause);
        return true;
    });

    /// <summary>Ends the leg from our side by whatever its state calls for.</summary>
    private void Hangup(HangupCause cause)
    {
        if (IsEnded) return;
        if (_dialog is not null)
        {
            // Answered, or our 2xx is out awaiting the ACK of a delayed offer: the dialog exists, so BYE.
            SendByeAndEnd(cause);
        }
        else if (Direction == CallDirection.Inbound)
        {
            Refuse(cause, "hung up before answer");
        }
        else
        {
            Cancel(cause);
        }
    }

    /// <summary>An answered leg ends from our side: BYE (RFC 3261 §15.1.1), then the end.</summary>
    private void SendByeAndEnd(HangupCause cause)
    {
        if (_dialog is { } dialog) _bye = dialog.SendBye().FinalResponse;
        End(cause, HangupSide.Local, null);
    }
}
