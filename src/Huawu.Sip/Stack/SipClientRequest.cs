using System.Threading.Channels;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Stack;

/// <summary>
/// A request this side sent, and everything that answers it: provisional responses, then exactly one final one
/// (received, or a synthesized 408/503 for a timeout or transport failure, RFC 3261 §8.1.3.1). A 401/407 answered
/// with credentials and a re-INVITE retried after 491 stay within the same handle. Read <see cref="Responses"/>
/// for everything in order, or await <see cref="FinalResponse"/>.
/// </summary>
public sealed partial class SipClientRequest : IClientTransactionUser
{
    private readonly Channel<SipResponse> responses =
        Channel.CreateUnbounded<SipResponse>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly TaskCompletionSource<SipResponse> final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock sync = new();
    private readonly SipStack? stack;
    private readonly SipSendOptions options;
    private readonly KnownMethod method;
    private SipMessage? request;
    private ClientTransaction? transaction;

    private SipClientRequest(SipStack? stack, KnownMethod method, SipDialog? dialog, ISipDialogHandler? dialogHandler, SipSendOptions options)
    {
        this.stack = stack;
        this.method = method;
        InDialog = dialog;
        this.dialogHandler = dialogHandler;
        this.options = options;
    }

    /// <summary>The request as last sent (with Via); null until it has been routed and sent.</summary>
    public SipMessage? Request
    {
        get { lock (sync) return request; }
    }

    /// <summary>Every response in order; the channel completes after the final one.</summary>
    public ChannelReader<SipResponse> Responses => responses.Reader;

    /// <summary>The final response, received or synthesized; never faults.</summary>
    public Task<SipResponse> FinalResponse => final.Task;

    /// <summary>The dialog this request was sent in, if any.</summary>
    public SipDialog? InDialog { get; }

    /// <summary>A request refused before sending: a re-INVITE meeting another INVITE of its dialog (RFC 3261 §14.1).</summary>
    internal static SipClientRequest Refused(int statusCode)
    {
        var refused = new SipClientRequest(null, KnownMethod.Unknown, null, null, SipSendOptions.Default);
        refused.Complete(new SipResponse(SipResponseSource.Refused, statusCode));
        return refused;
    }

    void IClientTransactionUser.OnResponse(ClientTransaction from, SipMessage response)
    {
        lock (sync)
        {
            if (from != transaction) return; // an attempt already replaced by a retry
        }
        if (response.StatusCode < 200) OnProvisional(response);
        else OnFinal(response);
    }

    void IClientTransactionUser.OnFailure(ClientTransaction from, ClientFailure failure)
    {
        lock (sync)
        {
            if (from != transaction) return;
        }
        Fail(failure == ClientFailure.Timeout ? SipResponseSource.Timeout : SipResponseSource.TransportError);
    }

    private void OnProvisional(SipMessage response)
    {
        var dialog = TrackEarlyDialog(response);
        Publish(new SipResponse(response, dialog));
        SendPendingCancel();
    }

    private void OnFinal(SipMessage response)
    {
        var isInvite = response.CSeq.KnownMethod == KnownMethod.Invite;
        var success = response.StatusCode < 300;
        if (HasDeliveredFinal)
        {
            // Only an INVITE in Accepted (RFC 6026) delivers more finals: 2xx retransmissions and forks.
            if (isInvite && success) OnLaterSuccess(response);
            return;
        }
        if (TryRetry(response)) return;
        SipDialog? dialog = null;
        if (InDialog is { } within)
        {
            dialog = within;
            OnResponseInDialog(within, response, isInvite, success);
        }
        else if (isInvite)
        {
            if (success) dialog = ConfirmDialog(response);
            else EndEarlyDialogs();
        }
        Complete(new SipResponse(response, dialog));
    }

    /// <summary>RFC 3261 §12.2.1.2: 481 and 408 end the dialog; an INVITE's final response frees the dialog for another.</summary>
    private void OnResponseInDialog(SipDialog dialog, SipMessage response, bool isInvite, bool success)
    {
        if (isInvite) dialog.EndOutgoingInvite();
        // §12.2.1.2: a 2xx to a target refresh (re-INVITE, UPDATE) carries the peer's new Contact.
        if (success && response.CSeq.KnownMethod is KnownMethod.Invite or KnownMethod.Update) dialog.OnTargetRefreshed(response);
        if (success && isInvite) stack!.Observe(dialog.AcknowledgeAsync(Request!));
        if (response.StatusCode is 481 or 408) dialog.End(SipDialogEnd.RequestFailed);
    }

    /// <summary>A 2xx after the final was delivered: acknowledge it again, or take it as another fork's.</summary>
    private void OnLaterSuccess(SipMessage response)
    {
        if (InDialog is { } dialog) dialog.Reacknowledge(response.CSeq.Number);
        else OnForkOrRetransmission(response);
    }

    private void Fail(SipResponseSource source)
    {
        var status = source == SipResponseSource.Timeout ? 408 : 503;
        if (InDialog is { } dialog)
        {
            if (method == KnownMethod.Invite) dialog.EndOutgoingInvite();
            // §12.2.1.2: a request in the dialog that times out ends it, as a 408 would.
            if (source == SipResponseSource.Timeout) dialog.End(SipDialogEnd.RequestFailed);
        }
        EndEarlyDialogs();
        Complete(new SipResponse(source, status));
    }

    private bool HasDeliveredFinal => final.Task.IsCompleted;

    private void Publish(SipResponse response) => responses.Writer.TryWrite(response);

    private void Complete(SipResponse response)
    {
        if (!final.TrySetResult(response)) return;
        responses.Writer.TryWrite(response);
        responses.Writer.TryComplete();
    }
}
