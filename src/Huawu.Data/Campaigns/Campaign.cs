namespace Huawu.Data.Campaigns;

/// <summary>
/// An outbound campaign: the lists it calls, the script version it runs, its priority among campaigns sharing trunks,
/// and its rules (<see cref="Settings"/>: a JSON document the dialer owns — schedule, limits, retries, trunks, caller ids).
/// </summary>
public sealed record Campaign(long Id, string Name, string Status, long? ContactListId, long? ScriptVersionId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public int Priority { get; init; }

    public string? Settings { get; init; }

    /// <summary>Every list the campaign calls (<see cref="ContactListId"/> is the first).</summary>
    public IReadOnlyList<long> ListIds { get; init; } = [];

    // Value equality over the lists too: a campaign read back equals the one created.
    public bool Equals(Campaign? other) =>
        other is not null && Id == other.Id && Name == other.Name && Status == other.Status && ContactListId == other.ContactListId &&
        ScriptVersionId == other.ScriptVersionId && CreatedAt == other.CreatedAt && UpdatedAt == other.UpdatedAt &&
        Priority == other.Priority && Settings == other.Settings && ListIds.SequenceEqual(other.ListIds);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Status, UpdatedAt);
}

/// <summary>A campaign to create (as a draft).</summary>
public sealed record NewCampaign(string Name, IReadOnlyList<long> ListIds)
{
    public int Priority { get; init; }

    public string? Settings { get; init; }

    public long? ScriptVersionId { get; init; }
}

/// <summary>
/// One try at calling a contact, written before the number is dialed (status <c>dialing</c>) and completed
/// after, so a restart finds the tries that were in flight instead of dialing them again.
/// </summary>
public sealed record CallAttempt(long Id, long CampaignId, long? ContactId, int AttemptNumber, string Status, string? Outcome,
    string? DispositionCode, long? CallId, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt)
{
    public const string Dialing = "dialing";
    public const string Completed = "completed";

    /// <summary>The telephony call id chosen before dialing (null for attempts written without one).</summary>
    public string? CallUuid { get; init; }

    /// <summary>The node that dials it: after a crash, that node settles it.</summary>
    public string? Node { get; init; }

    /// <summary>The final SIP status of a call that failed.</summary>
    public int? SipStatus { get; init; }

    /// <summary>What ended it, in words: the gate's rule for a blocked number, the cause of a failure.</summary>
    public string? Detail { get; init; }

    /// <summary>The callback promised when the call ended with one.</summary>
    public DateTimeOffset? CallbackAt { get; init; }
}

/// <summary>How an attempt ended.</summary>
/// <param name="CallbackAt">The callback promised to the callee; the call's record (<c>calls</c>, by the attempt's call id) says <c>callback</c> too.</param>
public sealed record AttemptEnd(string Outcome, string? DispositionCode = null, long? CallId = null, int? SipStatus = null, string? Detail = null,
    DateTimeOffset? CallbackAt = null);
