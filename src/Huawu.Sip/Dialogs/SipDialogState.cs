namespace Huawu.Sip.Dialogs;

/// <summary>RFC 3261 §12: a dialog is early (from a 1xx with a To tag), confirmed (from a 2xx), or over.</summary>
public enum SipDialogState
{
    Early,
    Confirmed,
    Terminated,
}

/// <summary>Why a dialog ended.</summary>
public enum SipDialogEnd
{
    /// <summary>The far end sent BYE (RFC 3261 §15.1.2).</summary>
    ByeReceived,

    /// <summary>This side sent BYE (§15.1.1: the session ends when the BYE is sent).</summary>
    ByeSent,

    /// <summary>An early dialog whose INVITE got a failure, or another fork's 2xx (§12.3).</summary>
    EarlyDialogEnded,

    /// <summary>A request in the dialog got 481 or timed out (408), which ends the dialog (§12.2.1.2).</summary>
    RequestFailed,

    /// <summary>A second 2xx to one INVITE that the handler did not want; the stack sent BYE.</summary>
    ForkRejected,

    /// <summary>The stack was stopped.</summary>
    StackStopped,
}
