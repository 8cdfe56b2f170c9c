using Huawu.Data.Campaigns;
using Huawu.Data.Contacts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Campaigns;

public sealed class CampaignQueueTests
{
    [Theory, BothDatabases]
    public async Task A_number_in_two_lists_is_queued_once_and_two_nodes_claim_disjoint_numbers(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = await test.Store.Contacts.CreateListAsync("a");
        var second = await test.Store.Contacts.CreateListAsync("b");
        for (var i = 0; i < 40; i++) await test.Store.Contacts.AddAsync(first.Id, new NewContact($"+86138000000{i:00}"));
        await test.Store.Contacts.AddAsync(second.Id, new NewContact("138 0000 0007")); // already in the first list, spelled otherwise
        await test.Store.Contacts.AddAsync(second.Id, new NewContact("+8613900000000"));
        var campaign = (await test.Store.Campaigns.CreateAsync(new NewCampaign("both", [first.Id, second.Id]))).Value!;
        Assert.Equal(41, await test.Store.CampaignQueue.EnqueueAsync(campaign.Id));
        Assert.Equal(0, await test.Store.CampaignQueue.EnqueueAsync(campaign.Id)); // queuing again adds nothing

        var opened = await DataStore.OpenAsync(test.Database.StoreOptions, test.Keys, test.Time);
        await using var otherNode = opened.Store!;
        var now = test.Time.GetUtcNow();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? test.Store : otherNode).CampaignQueue
            .ClaimDueAsync(campaign.Id, now, 6, i % 2 == 0 ? "node-a" : "node-b"))));

        var claimed = claims.SelectMany(c => c).Select(c => c.ContactId).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(41, claimed.Count);
        Assert.Equal(claims.Where((_, i) => i % 2 == 0).Sum(c => c.Count), (await test.Store.CampaignQueue.ClaimedAsync("node-a")).Count);
        Assert.Empty(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, now, 10, "node-a"));
    }

    [Theory, BothDatabases]
    public async Task Settling_ends_the_attempt_and_releases_the_number_together_or_not_at_all(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (campaign, contact) = await Seed.CampaignWithContactAsync(test.Store);
        await test.Store.CampaignQueue.EnqueueAsync(campaign.Id);
        var claimed = Assert.Single(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, test.Time.GetUtcNow(), 5, "node-a"));
        Assert.Equal((contact.Id, contact.Phone, 0), (claimed.ContactId, claimed.Phone, claimed.Attempts));
        var attempt = (await test.Store.Attempts.BeginAsync(campaign.Id, contact.Id)).Value!;
        var retryAt = test.Time.GetUtcNow().AddMinutes(5);

        Assert.True(await test.Store.CampaignQueue.SettleAsync(campaign.Id, contact.Id,
            new AttemptSettlement(new QueueRelease(QueueState.Pending, retryAt, "busy", CountsAsAttempt: true))
            {
                AttemptId = attempt.Id, End = new AttemptEnd("busy", "busy", SipStatus: 486, Detail: "UserBusy"),
            }));
        Assert.Equal(("busy", 486), ((await test.Store.Attempts.GetAsync(attempt.Id))!.Outcome, (await test.Store.Attempts.GetAsync(attempt.Id))!.SipStatus));
        Assert.Empty(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, test.Time.GetUtcNow(), 5, "node-a")); // not due yet
        Assert.Equal(retryAt, await test.Store.CampaignQueue.NextDueAsync(campaign.Id));
        var again = Assert.Single(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, retryAt, 5, "node-a"));
        Assert.Equal(1, again.Attempts);

        // The same attempt cannot be settled twice: nothing changes, the number stays claimed.
        Assert.False(await test.Store.CampaignQueue.SettleAsync(campaign.Id, contact.Id,
            new AttemptSettlement(new QueueRelease(QueueState.Done, retryAt, "answered", CountsAsAttempt: true))
            {
                AttemptId = attempt.Id, End = new AttemptEnd("answered"),
            }));
        Assert.Equal(1L, (await test.Store.CampaignQueue.CountsAsync(campaign.Id, retryAt)).Dialing);

        // A number the gate blocked: a completed attempt is written with the release.
        Assert.True(await test.Store.CampaignQueue.SettleAsync(campaign.Id, contact.Id,
            new AttemptSettlement(new QueueRelease(QueueState.Done, retryAt, "blocked", CountsAsAttempt: false))
            {
                End = new AttemptEnd("blocked", "do_not_call", Detail: "do_not_call: listed"), Node = "node-a",
            }));
        var counts = await test.Store.CampaignQueue.CountsAsync(campaign.Id, retryAt);
        Assert.Equal((0L, 1L), (counts.Dialing, counts.Done));
        Assert.Equal(1, counts.ByOutcome["blocked"]);
        var attempts = await test.Store.Attempts.ForContactAsync(contact.Id);
        Assert.Equal([("busy", 1), ("blocked", 2)], attempts.Select(a => (a.Outcome!, a.AttemptNumber)));
        Assert.Equal(new Dictionary<string, long> { ["busy"] = 1, ["blocked"] = 1 }, await test.Store.Attempts.CountByOutcomeAsync(campaign.Id));
    }
}
