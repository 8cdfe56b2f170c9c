using Huawu.ContactCenter.Dialing;
using Huawu.Server.Realtime;
using Huawu.Server.Security;

namespace Huawu.Server.Campaigns;

/// <summary>
/// Campaign events on the realtime stream (<c>GET /api/v1/events</c>), for those who may read campaigns: <c>campaign.progress</c>
/// (numbers by state and outcome, calls in flight), <c>campaign.attempt</c> (one number's outcome, or the gate rule that held it) and
/// <c>campaign.status</c>. No personal data: contacts by id only.
/// </summary>
internal sealed class CampaignEventFeed(RealtimeHub hub) : ICampaignObserver
{
    private static readonly EventAudience Readers = EventAudience.WithPermission(Permission.CampaignsRead);

    public void OnEvent(CampaignEvent campaignEvent)
    {
        ArgumentNullException.ThrowIfNull(campaignEvent);
        var (type, data) = campaignEvent switch
        {
            CampaignProgress p => ("campaign.progress", (object)new
            {
                campaignId = p.CampaignId,
                pending = p.Numbers.Pending,
                due = p.Numbers.Due,
                dialing = p.Numbers.Dialing,
                done = p.Numbers.Done,
                outcomes = p.Numbers.ByOutcome,
                inFlight = p.InFlight,
            }),
            AttemptSettled a => ("campaign.attempt", new
            {
                campaignId = a.CampaignId,
                contactId = a.ContactId,
                attemptId = a.AttemptId,
                outcome = a.Outcome,
                rule = a.Rule,
                sipStatus = a.SipStatus,
                nextAttemptAt = a.NextAttemptAt,
            }),
            CampaignStatusChanged s => ("campaign.status", new { campaignId = s.CampaignId, status = s.Status }),
            _ => throw new ArgumentOutOfRangeException(nameof(campaignEvent), campaignEvent.GetType().Name, "not a campaign event"),
        };
        hub.Publish(new RealtimeEvent(type, campaignEvent.At, null, Readers, _ => data));
    }
}
