namespace Huawu.Data.Campaigns;

/// <summary>The statuses a campaign moves through; the dialer calls the running ones.</summary>
public static class CampaignStatus
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Stopped = "stopped";

    /// <summary>Every number has reached a final outcome.</summary>
    public const string Completed = "completed";
}
