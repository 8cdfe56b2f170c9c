using Huawu.Sip.Messages;
using Huawu.Sip.Stack;

namespace Huawu.Sip.Dialogs;

/// <summary>
/// The call layer's side of one dialog. Every callback runs on a pool thread and must return quickly (post into
/// the call's mailbox). A dialog gets its handler when it is created: from the INVITE that was sent, or from
/// <see cref="SipServerTransaction.Accept"/>.
/// </summary>
public interface ISipDialogHandler
{
    /// <summary>
    /// A request inside the dialog (BYE, re-INVITE, UPDATE, INFO, REFER, NOTIFY, MESSAGE), already checked for
    /// order (RFC 3261 §12.2.2) and glare (§14.2); answer it through <paramref name="request"/>. A BYE is
    /// followed by <see cref="OnTerminated"/>.
    /// </summary>
    void OnRequest(SipDialog dialog, SipServerTransaction request);

    /// <summary>The ACK for a 2xx this side sent (it may carry the SDP answer of a late offer).</summary>
    void OnAck(SipDialog dialog, SipMessage ack)
    {
    }

    /// <summary>
    /// RFC 3261 §13.3.1.4: the 2xx was retransmitted for 64·T1 without an ACK. The dialog stays confirmed, but the
    /// session should end: send a BYE.
    /// </summary>
    void OnAckTimeout(SipDialog dialog);

    /// <summary>
    /// Another 2xx to the same INVITE, from a second UAS (a forking proxy, RFC 3261 §13.2.2.4). The stack has
    /// acknowledged it; return true to keep the dialog, false (the default) to have the stack send BYE on it.
    /// </summary>
    bool OnForkedDialog(SipDialog dialog) => false;

    /// <summary>The dialog ended; <see cref="SipDialog.EndReason"/> says why. Called once per dialog.</summary>
    void OnTerminated(SipDialog dialog)
    {
    }
}
