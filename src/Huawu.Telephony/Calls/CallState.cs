namespace Huawu.Telephony.Calls;

/// <summary>Where a call leg is in its life; it only moves forward, except Answered ↔ Held.</summary>
public enum CallState
{
    /// <summary>Inbound: INVITE received, not yet answered. Outbound: INVITE sent, no answer yet.</summary>
    Setup,

    /// <summary>The far end (outbound) or our side (inbound) signalled ringing (180/183).</summary>
    Ringing,

    /// <summary>Answered (2xx sent or received) and media flowing.</summary>
    Answered,

    /// <summary>Answered, with media on hold by either side.</summary>
    Held,

    /// <summary>Ended; <see cref="HangupCause"/> says why.</summary>
    Ended,
}
