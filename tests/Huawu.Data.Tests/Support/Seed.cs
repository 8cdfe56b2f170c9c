using Huawu.Data.Calls;
using Huawu.Data.Campaigns;
using Huawu.Data.Contacts;

namespace Huawu.Data.Tests.Support;

/// <summary>Small builders for rows that tests need as context.</summary>
public static class Seed
{
    public static async Task<(Campaign Campaign, Contact Contact)> CampaignWithContactAsync(DataStore store, string phone = "13812345678",
        string campaignName = "renewals")
    {
        var list = await store.Contacts.CreateListAsync(campaignName + " list");
        var contact = (await store.Contacts.AddAsync(list.Id, new NewContact(phone, "张伟"))).Value!;
        var campaign = (await store.Campaigns.CreateAsync(campaignName, list.Id)).Value!;
        return (campaign, contact);
    }

    public static async Task<CallRecord> CallAsync(DataStore store, string? customerPhone, DateTimeOffset startedAt, string? uuid = null)
    {
        var call = await store.Calls.InsertAsync(new NewCallRecord(uuid ?? Guid.NewGuid().ToString(), CallDirection.Outbound, startedAt)
        {
            CustomerPhone = customerPhone,
            LocalNumber = "+862012345678",
        });
        Assert.True(call.Succeeded, call.Detail);
        return call.Value!;
    }
}
