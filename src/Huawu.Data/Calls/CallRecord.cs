namespace Huawu.Data.Calls;

/// <summary>
/// A call as kept for history and reports. <see cref="CustomerPhone"/> is stored encrypted (E.164 when it
/// parses as a number; anything else, such as "anonymous", as given) and blind-indexed when it is a number.
/// </summary>
public sealed record CallRecord(
    long Id,
    string CallUuid,
    CallDirection Direction,
    string? CustomerPhone,
    string? LocalNumber,
    long? CampaignId,
    long? QueueId,
    long? AgentUserId,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? HangupCause,
    string? DispositionCode,
    string? IntentGrade);

/// <summary>A call to record. <see cref="CallUuid"/> is the telephony layer's call id, unique per call.</summary>
public sealed record NewCallRecord(string CallUuid, CallDirection Direction, DateTimeOffset StartedAt)
{
    public string? CustomerPhone { get; init; }

    /// <summary>Our side: the caller id or DID used (not personal data).</summary>
    public string? LocalNumber { get; init; }

    public long? CampaignId { get; init; }

    public long? QueueId { get; init; }

    public long? AgentUserId { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? HangupCause { get; init; }

    public string? DispositionCode { get; init; }

    public string? IntentGrade { get; init; }
}

/// <summary>How a call ended.</summary>
public sealed record CallEnd(DateTimeOffset EndedAt, string HangupCause, string? DispositionCode = null, string? IntentGrade = null);

/// <summary>One leg of a call (customer, agent, robot…); <see cref="Party"/> is encrypted like a phone number.</summary>
public sealed record CallLeg(long Id, long CallId, string LegUuid, string Role, string? Party, DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? HangupCause);

public sealed record NewCallLeg(string LegUuid, string Role, string? Party, DateTimeOffset StartedAt);

/// <summary>Something that happened on a call (queued, transferred, DTMF…). Details must not carry personal data.</summary>
public sealed record CallEvent(long Id, long CallId, DateTimeOffset OccurredAt, string Kind, string? Detail);
