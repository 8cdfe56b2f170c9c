using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Signaling;
using Microsoft.Extensions.Logging;

namespace Huawu.Telephony.Legs;

// Blind transfer by REFER (RFC 3515, as the transferor of RFC 5589 §6): we ask the far end to call the target, follow
// the NOTIFYs of the implicit subscription, and hang up once it reports the target answered.
internal sealed partial class CallLeg
{
    private PendingTransfer? _transfer;

    public Task<TransferResult> BlindTransferAsync(string target, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return InMailboxAsync(() => BlindTransfer(target, cancellationToken));
    }

    private async Task<TransferResult> BlindTransfer(string target, CancellationToken cancellationToken)
    {
        if (!IsUp || _dialog is not { } dialog) return TransferResult.Failed(null, "the call is not answered");
        if (_transfer is not null) return TransferResult.Failed(null, "another transfer of this call is under way");
        var transfer = _transfer = new PendingTransfer(target);
        var referTo = ReferTarget(target);
        Logger.LogInformation("Call {CallId}: REFER to {Target}", Id, referTo);
        var answer = await dialog.SendRefer(referTo).FinalResponse;
        // RFC 3515 §2.4.2: a refused REFER (405, 403, 603…) means no transfer; 202 means NOTIFYs will follow.
        if (!answer.IsSuccess) FinishTransfer(transfer, answer.StatusCode, $"REFER answered {answer.StatusCode} {answer.ReasonPhrase}");
        using var cancellation = cancellationToken.Register(() => Mailbox.Post(() => FinishTransfer(transfer, null, "stopped waiting (cancelled)")));
        return await transfer.Result;
    }

    /// <summary>A bare number or name is one the far end reaches through us: a SIP URI at this node.</summary>
    private string ReferTarget(string target) =>
        target.Contains(':', StringComparison.Ordinal) ? target : $"sip:{target}@{_services.SignallingHost()}";

    /// <summary>RFC 3515 §2.4.4: progress of the call the far end placed; a final status ends the transfer.</summary>
    private void OnNotify(SipServerTransaction request)
    {
        var notify = request.Request;
        if (!ReferNotify.IsReferEvent(notify))
        {
            request.Respond(489); // RFC 6665 §8.3.1: Bad Event
            return;
        }
        if (_transfer is not { } transfer)
        {
            request.Respond(481); // RFC 6665 §4.1.3: no such subscription
            return;
        }
        request.Respond(200);
        var hasStatus = ReferNotify.TryReadStatus(notify, out var status);
        Logger.LogInformation("Call {CallId}: transfer to {Target} reports {Status}", Id, transfer.Target, hasStatus ? status : "no status");
        if (hasStatus && status >= 200) FinishTransfer(transfer, status, $"the target answered {status}");
        else if (ReferNotify.EndsSubscription(notify)) FinishTransfer(transfer, null, "the subscription ended without a final status");
    }

    /// <summary>
    /// The transfer's outcome, once: <see cref="CallTransferred"/>, and on success the BYE that ends our part (RFC 5589
    /// §6: the transferor hangs up once the transferee reached the target).
    /// </summary>
    private void FinishTransfer(PendingTransfer transfer, int? status, string reason)
    {
        if (_transfer != transfer) return;
        _transfer = null;
        var succeeded = status is >= 200 and < 300;
        Publish(new CallTransferred(Id, Now, transfer.Target, succeeded, status));
        transfer.Complete(new TransferResult(succeeded, status, reason));
        if (!succeeded) return;
        _handedOver = true;
        SendByeAndEnd(HangupCause.Transferred);
    }

    /// <summary>One transfer we asked the far end to make, until its outcome.</summary>
    private sealed class PendingTransfer(string target)
    {
        private readonly TaskCompletionSource<TransferResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Target { get; } = target;

        public Task<TransferResult> Result => _result.Task;

        public void Complete(TransferResult result) => _result.TrySetResult(result);
    }
}
