using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Cti;

/// <summary>
/// One thing that happened to a call leg, as agent desktops, the wallboard, call records and the robot see it
/// (the CTI event stream). Events of one leg are published in the order they happened.
/// </summary>
public abstract record CtiEvent(CallId CallId, DateTimeOffset At);

/// <summary>
/// A leg exists: an INVITE arrived (inbound) or we are about to send one (outbound). <see cref="OnBehalfOf"/> is the leg an
/// outbound leg was placed for (<see cref="OriginateRequest.OnBehalfOf"/>): one conversation, several legs.
/// </summary>
public sealed record CallCreated(CallId CallId, DateTimeOffset At, CallDirection Direction, string From, string To, string? Trunk,
    CallId? OnBehalfOf = null) : CtiEvent(CallId, At);

/// <summary>The called side is alerting (we sent or received 180/183).</summary>
public sealed record CallRinging(CallId CallId, DateTimeOffset At) : CtiEvent(CallId, At);

/// <summary>The leg was answered and media is set up.</summary>
public sealed record CallAnswered(CallId CallId, DateTimeOffset At, string Codec) : CtiEvent(CallId, At);

/// <summary>Two legs now hear each other (B2BUA bridge).</summary>
public sealed record CallBridged(CallId CallId, DateTimeOffset At, CallId OtherCallId) : CtiEvent(CallId, At);

/// <summary>A bridge was taken apart (one leg left, was transferred or held).</summary>
public sealed record CallUnbridged(CallId CallId, DateTimeOffset At, CallId OtherCallId) : CtiEvent(CallId, At);

/// <summary>Media was put on hold; <see cref="By"/> says which side asked.</summary>
public sealed record CallHeld(CallId CallId, DateTimeOffset At, HangupSide By) : CtiEvent(CallId, At);

/// <summary>Media resumed after a hold.</summary>
public sealed record CallResumed(CallId CallId, DateTimeOffset At, HangupSide By) : CtiEvent(CallId, At);

/// <summary>The leg was transferred to <see cref="Target"/>; <see cref="Succeeded"/> once the target answered or failed.</summary>
public sealed record CallTransferred(CallId CallId, DateTimeOffset At, string Target, bool Succeeded, int? SipStatus)
    : CtiEvent(CallId, At);

/// <summary>A leg joined or left a conference.</summary>
public sealed record ConferenceMembershipChanged(CallId CallId, DateTimeOffset At, string Conference, bool Joined, int Members)
    : CtiEvent(CallId, At);

/// <summary>A DTMF key arrived from the far end.</summary>
public sealed record DtmfReceived(CallId CallId, DateTimeOffset At, char Key, DtmfMethod Method) : CtiEvent(CallId, At);

/// <summary>
/// The leg ended. <see cref="SipStatus"/> is the final status of a leg that never connected (the failure, the 487 of
/// a cancel, the status we rejected with), null for a connected leg ended by BYE. <see cref="RingDuration"/> runs from
/// creation until answer (or the end, when unanswered); <see cref="TalkDuration"/> from answer to end.
/// </summary>
public sealed record CallHungUp(
    CallId CallId,
    DateTimeOffset At,
    HangupCause Cause,
    HangupSide By,
    int? SipStatus,
    TimeSpan RingDuration,
    TimeSpan TalkDuration) : CtiEvent(CallId, At);

public enum DtmfMethod
{
    /// <summary>RFC 4733 telephone-event packets in the RTP stream.</summary>
    Rfc4733,

    /// <summary>SIP INFO with application/dtmf-relay or application/dtmf (RFC 6086 framework).</summary>
    SipInfo,
}
