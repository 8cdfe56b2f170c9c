using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Telephony.Bridges;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// A bridged phone transfers the other party by REFER (RFC 3515; we are that party's B2BUA). This leg is the
// transferor's: it accepts the REFER, NOTIFYs the progress, and ends once the other party is handed over.
internal sealed partial class CallLeg
{
    /// <summary>How long a transferor's phone has to hang up after the final NOTIFY before we do (RFC 5589 §6 has it hang up).</summary>
    private static readonly TimeSpan HandOverGrace = TimeSpan.FromSeconds(5);

    private bool _handedOver;
    private ITimer? _handOverTimer;

    private void OnRefer(SipServerTransaction request)
    {
        if (!request.Request.TryGetHeader(HeaderId.ReferTo, out var header) || !NameAddress.TryParse(header.Value, out var referTo))
        {
            request.Respond(400, "Missing or Bad Refer-To"); // RFC 3515 §2.4.1: exactly one Refer-To
            return;
        }
        if (referTo.Uri.Headers.GetValue("Replaces") is not null)
        {
            request.Respond(501, "Attended Transfer Not Supported"); // RFC 3891 Replaces: only blind transfers here
            return;
        }
        if (!IsUp || _attachment is not CallBridge bridge)
        {
            // RFC 3515 §2.4.2: a REFER may be refused; only a party bridged to someone has someone to transfer.
            request.Respond(403, "Nothing To Transfer");
            return;
        }
        var target = referTo.Uri.ToString();
        Logger.LogInformation("Call {CallId}: REFER to {Target}", Id, target);
        request.Respond(202);
        // RFC 3515 §2.4.4: the first NOTIFY goes at once.
        ReportReferProgress(100);
        _ = _services.Transfers.OnReferAsync(this, bridge.PartnerOf(this), bridge.Options, target);
    }

    /// <summary>NOTIFYs the transferor's phone of the referred call's status (RFC 3515 §2.4.4), while the dialog lasts.</summary>
    public void ReportReferProgress(int status) => Mailbox.Post(() =>
    {
        if (!IsEnded) _dialog?.SendReferProgress(status);
    });

    /// <summary>
    /// A transfer this leg took part in is over: <see cref="CallTransferred"/>; on success the leg then ends as
    /// <paramref name="afterSuccess"/> says.
    /// </summary>
    public void CompleteTransfer(string target, TransferResult result, AfterTransfer afterSuccess) => Mailbox.Post(() =>
    {
        if (IsEnded) return;
        Publish(new CallTransferred(Id, Now, target, result.Succeeded, result.SipStatus));
        if (!result.Succeeded || afterSuccess == AfterTransfer.Stays) return;
        _handedOver = true;
        if (afterSuccess == AfterTransfer.HangsUp) Hangup(HangupCause.Transferred);
        else _handOverTimer = _services.Time.CreateTimer(static state => ((CallLeg)state!).OnHandOverGraceOver(), this, HandOverGrace, Timeout.InfiniteTimeSpan);
    });

    // A timer thread.
    private void OnHandOverGraceOver() => Mailbox.Post(() => Hangup(HangupCause.Transferred));
}

/// <summary>What becomes of a leg after a transfer it took part in succeeded.</summary>
internal enum AfterTransfer
{
    /// <summary>The leg was the one moved: it carries on, bridged to the target.</summary>
    Stays,

    /// <summary>The transferor's leg, handed over: hung up at once.</summary>
    HangsUp,

    /// <summary>The transferor's leg after its REFER: its phone hangs up (RFC 5589 §6), or we do after a grace.</summary>
    AwaitsBye,
}
