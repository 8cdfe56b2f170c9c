using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Campaigns;

public sealed class CampaignRepositoryTests
{
    [Theory, BothDatabases]
    public async Task A_campaign_starts_as_a_draft_with_a_unique_name(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("l");
        var campaign = (await test.Store.Campaigns.CreateAsync("Q1 renewals", list.Id)).Value!;
        Assert.Equal(("draft", (long?)list.Id), (campaign.Status, campaign.ContactListId));
        Assert.Equal(campaign, await test.Store.Campaigns.GetAsync(campaign.Id));
        Assert.Equal(DataProblem.Duplicate, (await test.Store.Campaigns.CreateAsync("Q1 renewals", null)).Problem);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Campaigns.CreateAsync("other", list.Id + 7)).Problem);
        Assert.Equal(DataProblem.Invalid, (await test.Store.Campaigns.CreateAsync(" ", null)).Problem);

        test.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await test.Store.Campaigns.SetStatusAsync(campaign.Id, "running"));
        var running = (await test.Store.Campaigns.GetAsync(campaign.Id))!;
        Assert.Equal(("running", test.Time.GetUtcNow()), (running.Status, running.UpdatedAt));
        Assert.False(await test.Store.Campaigns.SetStatusAsync(campaign.Id + 1, "running"));
    }
}
