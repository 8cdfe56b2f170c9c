using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Stack;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Dialogs;

/// <summary>What a dialog needs from the stack that holds it.</summary>
internal interface IDialogHost
{
    TimeProvider Time { get; }

    SipTimerOptions Timers { get; }

    SipCounters Counters { get; }

    DialogTable Dialogs { get; }

    /// <summary>Sends a request of the dialog through a client transaction.</summary>
    SipClientRequest SendInDialog(SipDialog dialog, SipMessageBuilder request);

    /// <summary>Prepares and sends a request without a transaction (the ACK for a 2xx); null when it has no route.</summary>
    ValueTask<PreparedRequest?> SendWithoutTransactionAsync(SipMessageBuilder request, string? destination);
}
