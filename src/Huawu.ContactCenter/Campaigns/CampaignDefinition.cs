namespace Huawu.ContactCenter.Campaigns;

/// <summary>A campaign to create: its lists, priority (higher dials first when campaigns share trunks), script version and rules.</summary>
public sealed record CampaignDefinition(string Name, IReadOnlyList<long> ListIds, CampaignSettings Settings)
{
    public int Priority { get; init; }

    /// <summary>The robot script version it runs; none until the robot runtime exists (the interim handler plays the prompt).</summary>
    public long? ScriptVersionId { get; init; }
}

/// <summary>A field of a campaign that is not acceptable, and why.</summary>
public sealed record CampaignProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A campaign with its rules and where it stands: its numbers by state and latest outcome, its attempts by outcome.</summary>
public sealed record CampaignReport(Huawu.Data.Campaigns.Campaign Campaign, CampaignSettings Settings, Huawu.Data.Campaigns.QueueCounts Numbers,
    IReadOnlyDictionary<string, long> Attempts);

/// <summary>What a campaign command did: the campaign as it is now, or why nothing changed.</summary>
public sealed record CampaignChange(Huawu.Data.Campaigns.Campaign? Campaign, IReadOnlyList<CampaignProblem> Problems, bool NotFound = false)
{
    public bool Succeeded => Campaign is not null && Problems.Count == 0;
}
