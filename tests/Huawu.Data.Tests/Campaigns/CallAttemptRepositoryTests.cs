using Huawu.Data.Campaigns;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Campaigns;

public sealed class CallAttemptRepositoryTests
{
    [Theory, BothDatabases]
    public async Task Attempts_are_numbered_per_contact_and_stay_dialing_until_completed(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (campaign, contact) = await Seed.CampaignWithContactAsync(test.Store);
        var first = (await test.Store.Attempts.BeginAsync(campaign.Id, contact.Id)).Value!;
        Assert.Equal((1, CallAttempt.Dialing), (first.AttemptNumber, first.Status));
        Assert.Equal([first.Id], (await test.Store.Attempts.UnfinishedAsync()).Select(a => a.Id));

        var call = await Seed.CallAsync(test.Store, contact.Phone, test.Time.GetUtcNow());
        test.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.True(await test.Store.Attempts.CompleteAsync(first.Id, "no_answer", "no_answer", call.Id));
        Assert.Empty(await test.Store.Attempts.UnfinishedAsync());

        var second = (await test.Store.Attempts.BeginAsync(campaign.Id, contact.Id)).Value!;
        Assert.Equal(2, second.AttemptNumber);
        var history = await test.Store.Attempts.ForContactAsync(contact.Id);
        Assert.Equal(new CallAttempt(first.Id, campaign.Id, contact.Id, 1, CallAttempt.Completed, "no_answer", "no_answer", call.Id,
            first.CreatedAt, test.Time.GetUtcNow()), history[0]);
        Assert.Equal(second, history[1]);
    }

    [Theory, BothDatabases]
    public async Task Frequency_counts_include_every_campaign_and_every_spelling_of_the_number(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (renewals, contact) = await Seed.CampaignWithContactAsync(test.Store, "13812345678", "renewals");
        var (survey, sameNumber) = await Seed.CampaignWithContactAsync(test.Store, "+86 138-1234-5678", "survey");
        var (_, other) = await Seed.CampaignWithContactAsync(test.Store, "13900000000", "other");
        var start = test.Time.GetUtcNow();
        await test.Store.Attempts.BeginAsync(renewals.Id, contact.Id);
        test.Time.Advance(TimeSpan.FromHours(2));
        await test.Store.Attempts.BeginAsync(survey.Id, sameNumber.Id);
        await test.Store.Attempts.BeginAsync(survey.Id, other.Id);

        Assert.Equal(2, await test.Store.Attempts.CountSinceAsync("008613812345678", start));
        Assert.Equal(1, await test.Store.Attempts.CountSinceAsync("13812345678", start.AddHours(1)));
        Assert.Equal(0, await test.Store.Attempts.CountSinceAsync("bogus", start));
    }

    [Theory, BothDatabases]
    public async Task An_attempt_needs_an_existing_campaign_and_contact(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (campaign, contact) = await Seed.CampaignWithContactAsync(test.Store);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Attempts.BeginAsync(campaign.Id + 1, contact.Id)).Problem);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Attempts.BeginAsync(campaign.Id, contact.Id + 1)).Problem);
        Assert.False(await test.Store.Attempts.CompleteAsync(12345, "answered", null, null));
        Assert.Empty(await test.Store.Attempts.UnfinishedAsync());
    }

    [Theory, BothDatabases]
    public async Task Deleting_the_contact_keeps_the_attempt_for_the_caps(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (campaign, contact) = await Seed.CampaignWithContactAsync(test.Store);
        var since = test.Time.GetUtcNow();
        await test.Store.Attempts.BeginAsync(campaign.Id, contact.Id);
        Assert.True(await test.Store.Contacts.DeleteAsync(contact.Id));
        Assert.Equal(1, await test.Store.Attempts.CountSinceAsync(contact.Phone, since));
        Assert.Null(Assert.Single(await test.Store.Attempts.UnfinishedAsync()).ContactId);
        Assert.Empty(await test.Store.Contacts.FindByPhoneAsync(contact.Phone));
    }
}
