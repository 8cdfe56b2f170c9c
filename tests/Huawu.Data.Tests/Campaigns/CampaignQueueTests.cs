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

    [Theory, BothDatabases]
    public async Task A_promised_callback_is_written_with_the_attempts_end_listed_kept_through_a_deferral_and_dropped_once_dialled(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (campaign, contact) = await Seed.CampaignWithContactAsync(test.Store);
        await test.Store.CampaignQueue.EnqueueAsync(campaign.Id);
        var now = test.Time.GetUtcNow();
        Assert.Single(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, now, 5, "node-a"));
        var call = await Seed.CallAsync(test.Store, contact.Phone, now, "call-1");
        Assert.True((await test.Store.Calls.SetOutcomeAsync(call.Id, "busy", "C")));
        var attempt = await BeginWithCallAsync(test, campaign.Id, contact.Id, "call-1");
        var promised = now.AddHours(2);

        Assert.True(await test.Store.CampaignQueue.SettleAsync(campaign.Id, contact.Id,
            new AttemptSettlement(new QueueRelease(QueueState.Pending, promised, "callback", CountsAsAttempt: true) { CallbackAt = promised })
            {
                AttemptId = attempt.Id, End = new AttemptEnd("answered", "callback", Detail: "busy: callback promised", CallbackAt: promised),
            }));
        var ended = (await test.Store.Attempts.GetAsync(attempt.Id))!;
        Assert.Equal(("callback", promised), (ended.DispositionCode, ended.CallbackAt));
        Assert.Equal("callback", (await test.Store.Calls.GetAsync(call.Id))!.DispositionCode); // the call's record says so too, with the time
        Assert.Equal(promised.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            (await test.Store.Calls.VariablesAsync(call.Id))["callback_at"]);
        var listed = Assert.Single(await test.Store.CampaignQueue.CallbacksAsync(campaign.Id));
        Assert.Equal(new ScheduledCallback(contact.Id, contact.Phone, promised, 1, 1, "callback"), listed);
        Assert.Empty(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, promised.AddSeconds(-1), 5, "node-a"));

        // Due: claimed with its promise; the gate defers it (nothing dialled): the promise stands.
        var due = Assert.Single(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, promised, 5, "node-a"));
        Assert.Equal((promised, 1), (due.CallbackAt, due.Callbacks));
        Assert.True(await test.Store.CampaignQueue.ReleaseAsync(campaign.Id, contact.Id,
            new QueueRelease(QueueState.Pending, promised.AddHours(12), null, CountsAsAttempt: false)));
        Assert.Equal(promised, Assert.Single(await test.Store.CampaignQueue.CallbacksAsync(campaign.Id)).CallbackAt);

        // Dialled and ended otherwise (no answer, retried): the callback is done, the count stays.
        Assert.Single(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, promised.AddHours(12), 5, "node-a"));
        var again = (await test.Store.Attempts.BeginAsync(campaign.Id, contact.Id)).Value!;
        Assert.True(await test.Store.CampaignQueue.SettleAsync(campaign.Id, contact.Id,
            new AttemptSettlement(new QueueRelease(QueueState.Pending, promised.AddHours(13), "no_answer", CountsAsAttempt: true))
            {
                AttemptId = again.Id, End = new AttemptEnd("no_answer"),
            }));
        Assert.Empty(await test.Store.CampaignQueue.CallbacksAsync(campaign.Id));
        var retried = Assert.Single(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, promised.AddHours(13), 5, "node-a"));
        Assert.Equal((2, 1, (DateTimeOffset?)null), (retried.Attempts, retried.Callbacks, retried.CallbackAt));
        Assert.Null((await test.Store.Attempts.GetAsync(again.Id))!.CallbackAt);
    }

    [Theory, BothDatabases]
    public async Task A_callback_is_not_promised_when_its_attempt_was_already_settled(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (campaign, contact) = await Seed.CampaignWithContactAsync(test.Store);
        await test.Store.CampaignQueue.EnqueueAsync(campaign.Id);
        var now = test.Time.GetUtcNow();
        Assert.Single(await test.Store.CampaignQueue.ClaimDueAsync(campaign.Id, now, 5, "node-a"));
        var call = await Seed.CallAsync(test.Store, contact.Phone, now, "call-2");
        Assert.True(await test.Store.Calls.SetOutcomeAsync(call.Id, "busy", null));
        var attempt = await BeginWithCallAsync(test, campaign.Id, contact.Id, "call-2");
        Assert.True(await test.Store.Attempts.FinishAsync(attempt.Id, new AttemptEnd("answered", "busy")));

        // Settled once already (say, by recovery): the whole settlement is refused — no promise, no change to the call's record.
        Assert.False(await test.Store.CampaignQueue.SettleAsync(campaign.Id, contact.Id,
            new AttemptSettlement(new QueueRelease(QueueState.Pending, now.AddHours(2), "callback", CountsAsAttempt: true) { CallbackAt = now.AddHours(2) })
            {
                AttemptId = attempt.Id, End = new AttemptEnd("answered", "callback", CallbackAt: now.AddHours(2)),
            }));
        Assert.Empty(await test.Store.CampaignQueue.CallbacksAsync(campaign.Id));
        Assert.Equal("busy", (await test.Store.Calls.GetAsync(call.Id))!.DispositionCode);
        Assert.False((await test.Store.Calls.VariablesAsync(call.Id)).ContainsKey("callback_at"));
        Assert.Null((await test.Store.Attempts.GetAsync(attempt.Id))!.CallbackAt);
    }

    /// <summary>An attempt dialling the call <paramref name="callUuid"/>, as the gate writes it.</summary>
    private static async Task<CallAttempt> BeginWithCallAsync(TestStore test, long campaignId, long contactId, string callUuid)
    {
        var slot = await test.Store.Gate.ReserveAsync(new Huawu.Data.Compliance.SlotRequest(
            (await test.Store.Contacts.GetAsync(contactId))!.Phone, [], "campaign:test")
        {
            CampaignId = campaignId, ContactId = contactId, CallUuid = callUuid, Node = "node-a",
        });
        return slot.Value!.Attempt!;
    }
}
