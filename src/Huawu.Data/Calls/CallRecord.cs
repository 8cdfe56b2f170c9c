namespace Huawu.Data.Calls;

/// <summary>
/// A call as kept for history and reports. <see cref="CustomerPhone"/> is stored encrypted (E.164 when it
/// parses as a number; anything else, such as "anonymous", as given) and blind-indexed when it is a number.
/// <see cref="HangupSide"/> is who hung up, seen from the call's first leg (remote: its far party, the customer of an
/// inbound or dialed call; local: our side); <see cref="SipStatus"/> the final status of a call that never connected;
/// <see cref="RingDuration"/> runs from the start to the answer (or the end, when never answered),
/// <see cref="TalkDuration"/> from the answer to the end. Calls recorded before schema 3 have none of these nor a trunk.
/// </summary>
public sealed record CallRecord(
    long Id,
    string CallUuid,
    CallDirection Direction,
    string? CustomerPhone,
    string? LocalNumber,
    string? Trunk,
    long? CampaignId,
    long? QueueId,
    long? AgentUserId,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? HangupCause,
    CallSide? HangupSide,
    int? SipStatus,
    TimeSpan? RingDuration,
    TimeSpan? TalkDuration,
    string? DispositionCode,
    string? IntentGrade);

/// <summary>A call to record. <see cref="CallUuid"/> is the telephony layer's call id, unique per call.</summary>
public sealed record NewCallRecord(string CallUuid, CallDirection Direction, DateTimeOffset StartedAt)
{
    public string? CustomerPhone { get; init; }

    /// <summary>Our side: the caller id or DID used (not personal data).</summary>
    public string? LocalNumber { get; init; }

    /// <summary>The name of the SIP trunk the call came in or went out by; null for calls between extensions.</summary>
    public string? Trunk { get; init; }

    public long? CampaignId { get; init; }

    public long? QueueId { get; init; }

    public long? AgentUserId { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? HangupCause { get; init; }

    public CallSide? HangupSide { get; init; }

    public int? SipStatus { get; init; }

    public TimeSpan? RingDuration { get; init; }

    public TimeSpan? TalkDuration { get; init; }

    public string? DispositionCode { get; init; }

    public string? IntentGrade { get; init; }
}

/// <summary>
/// How a call ended: when, why, who hung up (<see cref="HangupSide"/>), the final SIP status of a call that never
/// connected, and how long it rang and talked.
/// </summary>
public sealed record CallEnd(DateTimeOffset EndedAt, string HangupCause, string? DispositionCode = null, string? IntentGrade = null)
{
    public CallSide? HangupSide { get; init; }

    public int? SipStatus { get; init; }

    public TimeSpan? RingDuration { get; init; }

    public TimeSpan? TalkDuration { get; init; }
}

/// <summary>
/// One leg of a call (customer, agent, robot…); <see cref="LegUuid"/> is its id in the telephony layer, <see cref="Party"/>
/// is encrypted like a phone number, <see cref="Trunk"/> is the SIP trunk it used (none for an extension's phone).
/// </summary>
public sealed record CallLeg(long Id, long CallId, string LegUuid, string Role, string? Party, string? Trunk, DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? HangupCause, CallSide? HangupSide, int? SipStatus);

public sealed record NewCallLeg(string LegUuid, string Role, string? Party, DateTimeOffset StartedAt)
{
    public string? Trunk { get; init; }
}

/// <summary>How a leg ended: when, why, who hung up, and the final SIP status of a leg that never connected.</summary>
public sealed record LegEnd(DateTimeOffset EndedAt, string HangupCause)
{
    public CallSide? HangupSide { get; init; }

    public int? SipStatus { get; init; }
}

/// <summary>Something that happened on a call (queued, transferred, DTMF…). Details must not carry personal data.</summary>
public sealed record CallEvent(long Id, long CallId, DateTimeOffset OccurredAt, string Kind, string? Detail);
