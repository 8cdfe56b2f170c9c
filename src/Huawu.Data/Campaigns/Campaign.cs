namespace Huawu.Data.Campaigns;

/// <summary>An outbound campaign: which list it calls and which script version it runs. Its rules arrive with the dialer.</summary>
public sealed record Campaign(long Id, string Name, string Status, long? ContactListId, long? ScriptVersionId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// One try at calling a contact, written before the number is dialed (status <c>dialing</c>) and completed
/// after, so a restart finds the tries that were in flight instead of dialing them again.
/// </summary>
public sealed record CallAttempt(long Id, long CampaignId, long? ContactId, int AttemptNumber, string Status, string? Outcome,
    string? DispositionCode, long? CallId, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt)
{
    public const string Dialing = "dialing";
    public const string Completed = "completed";
}
