using Huawu.Sip.Building;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Transactions;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Stack;

/// <summary>
/// A received request and the means to answer it: responses go out through its server transaction (RFC 3261
/// §17.2), which absorbs retransmissions and carries one To tag on every response. An INVITE is answered with
/// <see cref="Accept"/>, which creates the dialog; a CANCEL answers it 487 and is reported by <see cref="WhenCancelled"/>.
/// Thread-safe: answer from any thread.
/// </summary>
public sealed class SipServerTransaction : IServerTransactionUser
{
    private readonly SipStack stack;
    private readonly ServerTransaction inner;
    private readonly TaskCompletionSource cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SipServerTransaction(SipStack stack, ServerTransaction inner, SipEndPoint remoteEndPoint, SipDialog? dialog)
    {
        this.stack = stack;
        this.inner = inner;
        RemoteEndPoint = remoteEndPoint;
        Dialog = dialog;
        inner.User = this;
    }

    public SipMessage Request => inner.Request;

    /// <summary>Where the request came from (the packet's source, whatever its Via says).</summary>
    public SipEndPoint RemoteEndPoint { get; }

    /// <summary>The dialog of an in-dialog request; null for requests outside dialogs.</summary>
    public SipDialog? Dialog { get; }

    /// <summary>Completes when a CANCEL ended this INVITE: the stack has answered it 487 (RFC 3261 §9.2).</summary>
    public Task WhenCancelled => cancelled.Task;

    public bool IsCancelled => cancelled.Task.IsCompleted;

    /// <summary>Whether a final response went out (from the TU, or the stack's 487 after a CANCEL).</summary>
    public bool IsAnswered => inner.State is not (TransactionState.Trying or TransactionState.Proceeding);

    /// <summary>A response to this request with its To tag and Server header; add headers or a body, then send it.</summary>
    public SipMessageBuilder CreateResponse(int statusCode, string? reasonPhrase = null) =>
        inner.CreateResponse(statusCode, reasonPhrase).AddHeader(HeaderId.Server, stack.Options.UserAgent);

    /// <summary>Answers with a status alone. False when a final response went out before.</summary>
    public bool Respond(int statusCode, string? reasonPhrase = null) => Send(CreateResponse(statusCode, reasonPhrase));

    /// <summary>
    /// Sends a response made by <see cref="CreateResponse"/>. A 1xx or 2xx to an INVITE gets a Contact when it has
    /// none; a 2xx to a re-INVITE is retransmitted until its ACK (§13.3.1.4). A 2xx to a dialog-creating INVITE
    /// must go through <see cref="Accept"/>. False when a final response went out before.
    /// </summary>
    public bool Send(SipMessageBuilder response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = response.StatusCode;
        var isInvite = Request.Method.Known == KnownMethod.Invite;
        if (isInvite && Dialog is null && status is >= 200 and < 300)
        {
            throw new InvalidOperationException("A 2xx to an INVITE creates a dialog: answer it with Accept.");
        }
        if (isInvite && status is > 100 and < 300) AddContact(response);
        if (!inner.TrySend(response, out var sent)) return false;
        if (isInvite && status >= 200) Dialog?.OnIncomingInviteAnswered(status, sent, inner.Target.Route, Request.CSeq.Number);
        return true;
    }

    /// <summary>
    /// Answers an INVITE outside any dialog with <paramref name="response"/> (a 2xx from <see cref="CreateResponse"/>,
    /// usually with the SDP answer) and creates the dialog (RFC 3261 §12.1.1), whose events go to
    /// <paramref name="handler"/>. The 2xx is retransmitted until its ACK (§13.3.1.4). Null when the INVITE was
    /// already answered (a CANCEL got there first).
    /// </summary>
    public SipDialog? Accept(SipMessageBuilder response, ISipDialogHandler handler)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(handler);
        if (Request.Method.Known != KnownMethod.Invite || Dialog is not null) throw new InvalidOperationException("Only an INVITE outside a dialog is accepted.");
        if (response.StatusCode is < 200 or >= 300) throw new ArgumentException("Accept sends a 2xx; send other responses with Send.", nameof(response));

        // §12.1.1: the 2xx copies Record-Route and names this side's Contact.
        if (response.GetHeader(HeaderId.RecordRoute) is null) response.CopyHeaders(Request, HeaderId.RecordRoute);
        AddContact(response);
        var dialog = SipDialog.ForServer(stack, handler, Request, inner.LocalTag, inner.Target.Route.Transport.Protocol);
        // Listed before the 2xx leaves, so the ACK (or a quick BYE) finds it.
        stack.Dialogs.TryAdd(dialog);
        if (!inner.TrySend(response, out var sent))
        {
            stack.Dialogs.Remove(dialog);
            return null;
        }
        dialog.RetransmitUntilAcknowledged(sent, inner.Target.Route, Request.CSeq.Number);
        return dialog;
    }

    void IServerTransactionUser.OnCancelled() => cancelled.TrySetResult();

    private void AddContact(SipMessageBuilder response)
    {
        if (response.GetHeader(HeaderId.Contact) is null) response.AddHeader(HeaderId.Contact, stack.Sender.ContactFor(inner.Target.Route.Transport));
    }
}
