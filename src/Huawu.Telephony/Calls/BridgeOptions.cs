namespace Huawu.Telephony.Calls;

/// <summary>How a bridge of two calls behaves (<see cref="ICall.BridgeAsync"/>).</summary>
public sealed record BridgeOptions
{
    /// <summary>Hang up each other: what the dialplan does when it connects a caller to an extension.</summary>
    public static BridgeOptions Default { get; } = new();

    /// <summary>
    /// When one call ends, end the other too (<see cref="HangupCause.NormalClearing"/>). Off: the other stays up,
    /// unbridged, for its owner to carry on (a survey after the agent hangs up).
    /// </summary>
    public bool HangUpTogether { get; init; } = true;

    /// <summary>
    /// DTMF received from one party is sent on to the other: regenerated as RFC 4733 events when the other agreed
    /// telephone-event, else as in-band tones. Off: keys stay with the call that received them.
    /// </summary>
    public bool RelayDtmf { get; init; } = true;

    /// <summary>
    /// While either call is on hold, both are sent music on hold (calls.music_on_hold_file, or a built-in tone
    /// sequence) instead of each other. Off: silence.
    /// </summary>
    public bool MusicOnHold { get; init; } = true;
}
