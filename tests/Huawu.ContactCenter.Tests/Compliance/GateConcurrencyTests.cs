using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Tests.Support;
using Huawu.Data;
using Huawu.Data.Contacts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.ContactCenter.Tests.Compliance;

public sealed class GateConcurrencyTests
{
    private const int DecidersPerCampaignAndNode = 8;

    /// <summary>
    /// Two nodes (two stores on one database) and two campaigns race for the last slot a number has under the 24-hour cap, for three
    /// numbers at once: exactly one decider per number wins, and every slot taken has its attempt.
    /// </summary>
    [Theory, BothDatabases]
    public async Task Two_nodes_and_two_campaigns_never_both_pass_the_last_allowed_call(DatabaseProvider provider)
    {
        await using var rig = await GateRig.CreateAsync(provider);
        await rig.SetAsync("compliance.cn.cap_5m", "none");
        var opened = await DataStore.OpenAsync(rig.Test.Database.StoreOptions, rig.Test.Keys, rig.Time);
        await using var secondNode = opened.Store!;
        var nodes = new[] { rig.Gate, new ComplianceGate(secondNode, new ComplianceRuleSource(secondNode.Settings, rig.Time), rig.Time) };
        string[] numbers = ["+8613800000001", "+8613800000002", "+8613800000003"];
        var targets = new List<(long Campaign, long Contact, string Phone)>();
        foreach (var name in new[] { "renewals", "survey" })
        {
            var list = await rig.Store.Contacts.CreateListAsync(name);
            var campaign = (await rig.Store.Campaigns.CreateAsync(name, list.Id)).Value!;
            foreach (var phone in numbers) targets.Add((campaign.Id, (await rig.Store.Contacts.AddAsync(list.Id, new NewContact(phone))).Value!.Id, phone));
        }
        // Four of the five daily calls per number are already made.
        foreach (var phone in numbers)
        {
            for (var i = 0; i < 4; i++) Assert.True((await rig.DecideAsync(phone)).Allowed);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = (from node in nodes
                      from target in targets
                      from i in Enumerable.Range(0, DecidersPerCampaignAndNode)
                      select Task.Run(async () =>
                      {
                          await start.Task;
                          return (target.Phone, Verdict: await node.DecideAsync(new GateRequest(target.Phone, CallKind.Robot, CallPurpose.Service,
                              $"campaign:{target.Campaign}")
                          {
                              CallerId = GateRig.CallerId, CampaignId = target.Campaign, ContactId = target.Contact, CallUuid = Guid.NewGuid().ToString("N"),
                          }));
                      })).ToList();
        start.SetResult();
        var verdicts = await Task.WhenAll(racers);

        foreach (var phone in numbers)
        {
            var mine = verdicts.Where(v => v.Phone == phone).Select(v => v.Verdict).ToList();
            Assert.Equal(2 * 2 * DecidersPerCampaignAndNode, mine.Count);
            var winner = Assert.Single(mine, v => v.Allowed);
            Assert.NotNull(winner.Attempt);
            Assert.All(mine.Where(v => !v.Allowed), v => Assert.Equal(GateRules.Cap24Hours, v.Rule));
            var ledger = await rig.Store.Gate.HistoryAsync(phone, DateTimeOffset.MinValue);
            Assert.Equal(5, ledger.Count(d => d.Allowed));
            Assert.Equal(mine.Count - 1, ledger.Count(d => !d.Allowed));
            var attempts = (await rig.Store.Contacts.FindByPhoneAsync(phone)).SelectMany(c => rig.Store.Attempts.ForContactAsync(c.Id).Result).ToList();
            Assert.Equal([winner.Attempt!.Id], attempts.Select(a => a.Id));
        }
    }
}
