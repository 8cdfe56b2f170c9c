using Huawu.Data.Campaigns;

namespace Huawu.Data.Compliance;

/// <summary>A cap on calls to one number within a sliding window, across every campaign and manual call (<c>≤ 5 per 24 h</c>).</summary>
/// <param name="Rule">The name a refusal records (<c>cap_24h</c>).</param>
public sealed record FrequencyCap(string Rule, TimeSpan Window, int Limit);

/// <summary>
/// A dialling slot to take for a number, if every cap allows it. With a campaign and contact, the dialer's attempt row
/// (status dialing) is written in the same transaction, so a taken slot always has its attempt and the reverse.
/// </summary>
public sealed record SlotRequest(string Phone, IReadOnlyList<FrequencyCap> Caps, string Actor)
{
    public long? CampaignId { get; init; }

    public long? ContactId { get; init; }

    /// <summary>The call id the attempt will dial with (written before the INVITE).</summary>
    public string? CallUuid { get; init; }

    public string? Node { get; init; }
}

/// <summary>
/// The outcome of <see cref="IGateLedger.ReserveAsync"/>: the slot (and the attempt written with it), or the cap that was
/// full, how many calls it counted and when its oldest counted call leaves the window.
/// </summary>
public sealed record SlotReservation(long DecisionId, CallAttempt? Attempt, FrequencyCap? CapReached, int Counted, DateTimeOffset? FreesAt)
{
    public bool Reserved => CapReached is null;
}

/// <summary>One recorded decision of the compliance gate.</summary>
public sealed record GateDecision(long Id, DateTimeOffset DecidedAt, bool Allowed, string? Rule, string? Detail, long? CampaignId, long? AttemptId,
    string Actor);
