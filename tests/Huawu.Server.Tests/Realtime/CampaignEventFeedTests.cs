using Huawu.ContactCenter.Dialing;
using Huawu.Data.Accounts;
using Huawu.Data.Calls;
using Huawu.Data.Campaigns;
using Huawu.Server.Campaigns;
using Huawu.Server.Realtime;
using Huawu.Server.Security;

namespace Huawu.Server.Tests.Realtime;

public sealed class CampaignEventFeedTests
{
    [Fact]
    public void Campaign_events_reach_those_who_may_read_campaigns_whatever_their_call_reach()
    {
        var hub = new RealtimeHub();
        using var manager = hub.Subscribe(Viewer(1, Role.CampaignManager, CallScope.All));
        using var supervisor = hub.Subscribe(Viewer(2, Role.Supervisor, new CallScope(false, null, [10])));
        using var agent = hub.Subscribe(Viewer(3, Role.Agent, new CallScope(false, 3, [])));
        using var auditor = hub.Subscribe(Viewer(4, Role.QualityAuditor, CallScope.All));
        var feed = new CampaignEventFeed(hub);

        feed.OnEvent(new CampaignProgress(7, DateTimeOffset.UnixEpoch, new QueueCounts(3, 1, 2, 5, new Dictionary<string, long> { ["answered"] = 4 }), 2));
        feed.OnEvent(new AttemptSettled(7, DateTimeOffset.UnixEpoch, 42, 9, "blocked", "do_not_call", null, null));

        Assert.Equal(["campaign.progress", "campaign.attempt"], Types(manager));
        Assert.Equal(["campaign.progress", "campaign.attempt"], Types(supervisor));
        Assert.Empty(Types(agent));
        Assert.Empty(Types(auditor)); // sees every call, but not campaigns
    }

    private static CallerScope Viewer(long userId, Role role, CallScope calls) =>
        new(new Caller(userId, "u" + userId, [role], CredentialKind.ApiToken, userId, null, null), calls, calls.Everything,
            calls.TeamIds.ToHashSet(), PersonalDataView.Masked);

    private static List<string> Types(RealtimeSubscription subscription)
    {
        var types = new List<string>();
        while (subscription.Reader.TryRead(out var item)) types.Add(item.Type);
        return types;
    }
}
