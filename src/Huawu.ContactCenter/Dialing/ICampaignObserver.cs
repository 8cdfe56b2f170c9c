using Huawu.Data.Campaigns;

namespace Huawu.ContactCenter.Dialing;

/// <summary>Something a campaign did, for the live event stream.</summary>
public abstract record CampaignEvent(long CampaignId, DateTimeOffset At);

/// <summary>A number's attempt was settled: its outcome (or the gate's rule for a blocked or deferred number).</summary>
public sealed record AttemptSettled(long CampaignId, DateTimeOffset At, long ContactId, long? AttemptId, string Outcome, string? Rule, int? SipStatus,
    DateTimeOffset? NextAttemptAt) : CampaignEvent(CampaignId, At);

/// <summary>Where the campaign stands: its numbers by state and latest outcome, and its calls in progress on this node.</summary>
public sealed record CampaignProgress(long CampaignId, DateTimeOffset At, QueueCounts Numbers, int InFlight) : CampaignEvent(CampaignId, At);

/// <summary>The dialer changed the campaign's status (completed when every number is done).</summary>
public sealed record CampaignStatusChanged(long CampaignId, DateTimeOffset At, string Status) : CampaignEvent(CampaignId, At);

/// <summary>Receives campaign events; must not block (the server hands them to its realtime hub).</summary>
public interface ICampaignObserver
{
    void OnEvent(CampaignEvent campaignEvent);
}
