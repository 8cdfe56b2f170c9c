using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Stack;

// What only an INVITE has: early and confirmed dialogs, forks, and CANCEL.
public sealed partial class SipClientRequest
{
    private readonly ISipDialogHandler? dialogHandler;
    // The dialogs of an INVITE by remote tag; made on the first 1xx or 2xx with a tag, never for other methods.
    private Dictionary<string, SipDialog>? dialogs;
    private SipDialog? confirmed;
    private bool cancelRequested;
    private bool cancelSent;

    /// <summary>The dialog the INVITE's 2xx confirmed; null before, and for other requests.</summary>
    public SipDialog? Dialog
    {
        get { lock (sync) return confirmed; }
    }

    /// <summary>
    /// Cancels the INVITE (RFC 3261 §9.1): the CANCEL goes out once a provisional response has come (at once if one
    /// has). False when a final response already came (a 2xx being confirmed counts) or a cancel was already asked:
    /// then the caller ends a 2xx's call itself. Should a 2xx cross the CANCEL, the stack acknowledges it and ends the
    /// call with BYE; the 2xx is still the final response.
    /// </summary>
    public bool Cancel()
    {
        if (dialogHandler is null) throw new InvalidOperationException("Only an INVITE that creates a dialog can be cancelled.");
        lock (sync)
        {
            // A dialog confirmed but not yet delivered may have passed ConfirmDialog's BYE check: not ours to hang up.
            if (cancelRequested || HasDeliveredFinal || confirmed is not null) return false;
            cancelRequested = true;
        }
        SendPendingCancel();
        return true;
    }

    private void SendPendingCancel()
    {
        ClientInviteTransaction invite;
        lock (sync)
        {
            if (!cancelRequested || cancelSent || transaction is not ClientInviteTransaction { State: TransactionState.Proceeding } proceeding) return;
            cancelSent = true;
            invite = proceeding;
        }
        // §9.1: the CANCEL has the INVITE's branch and goes where the INVITE went, as its own transaction.
        var cancel = stack!.Transactions.CreateClient(InviteCompanions.Cancel(invite.Request), invite.Route, IgnoredResponses.Instance);
        cancel.Start();
        invite.OnCancelSent();
    }

    /// <summary>RFC 3261 §12.1.2: a 1xx with a To tag creates an early dialog, one per tag when forked.</summary>
    private SipDialog? TrackEarlyDialog(SipMessage response)
    {
        if (dialogHandler is null || !response.To.HasTag || InDialog is not null) return null;
        lock (sync) return confirmed is null ? GetOrCreateDialog(response) : null;
    }

    /// <summary>The first 2xx: its dialog is confirmed and acknowledged, the other early dialogs end (§13.2.2.4).</summary>
    private SipDialog ConfirmDialog(SipMessage response)
    {
        SipDialog dialog;
        List<SipDialog> others;
        lock (sync)
        {
            if (confirmed is not null) return confirmed;
            dialog = confirmed = GetOrCreateDialog(response);
            others = [.. dialogs!.Values.Where(d => d != dialog)];
            foreach (var other in others) dialogs.Remove(other.RemoteTag);
        }
        dialog.Confirm(response);
        foreach (var other in others) other.End(SipDialogEnd.EarlyDialogEnded);
        stack!.Observe(dialog.AcknowledgeAsync(Request!));
        bool cancelled;
        lock (sync) cancelled = cancelRequested;
        if (cancelled) dialog.SendBye(); // the 2xx crossed our CANCEL: the caller is gone
        return dialog;
    }

    /// <summary>
    /// A later 2xx: a retransmission gets its ACK again; another tag is another UAS reached by a fork, whose dialog
    /// is acknowledged and, unless the handler keeps it, ended with BYE (§13.2.2.4).
    /// </summary>
    private void OnForkOrRetransmission(SipMessage response)
    {
        SipDialog? known;
        SipDialog fork;
        lock (sync)
        {
            known = dialogs?.GetValueOrDefault(response.To.Tag ?? "");
            fork = known ?? GetOrCreateDialog(response);
        }
        if (known is not null)
        {
            known.Reacknowledge(response.CSeq.Number);
            return;
        }
        stack!.Observe(fork.AcknowledgeAsync(Request!));
        if (!dialogHandler!.OnForkedDialog(fork))
        {
            fork.Hangup(SipDialogEnd.ForkRejected);
        }
    }

    private void EndEarlyDialogs()
    {
        List<SipDialog> early;
        lock (sync)
        {
            if (dialogs is null) return;
            early = [.. dialogs.Values.Where(d => d != confirmed)];
            foreach (var dialog in early) dialogs.Remove(dialog.RemoteTag);
        }
        foreach (var dialog in early) dialog.End(SipDialogEnd.EarlyDialogEnded);
    }

    /// <summary>Under the lock: the dialog for the response's To tag, created and listed on first sight.</summary>
    private SipDialog GetOrCreateDialog(SipMessage response)
    {
        var tag = response.To.Tag ?? "";
        dialogs ??= new Dictionary<string, SipDialog>(StringComparer.OrdinalIgnoreCase);
        if (dialogs.TryGetValue(tag, out var dialog)) return dialog;
        dialog = SipDialog.ForClient(stack!, dialogHandler!, request!, response, transaction!.Route.Transport.Protocol);
        dialogs[tag] = dialog;
        stack!.Dialogs.TryAdd(dialog);
        return dialog;
    }

    /// <summary>The CANCEL's own responses matter to nobody: the INVITE's 487 (or 2xx) tells the outcome.</summary>
    private sealed class IgnoredResponses : IClientTransactionUser
    {
        public static IgnoredResponses Instance { get; } = new();

        public void OnResponse(ClientTransaction transaction, SipMessage response)
        {
        }

        public void OnFailure(ClientTransaction transaction, ClientFailure failure)
        {
        }
    }
}
