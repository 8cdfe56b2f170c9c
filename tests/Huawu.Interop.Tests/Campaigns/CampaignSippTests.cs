using System.Globalization;
using System.Text;
using Huawu.ContactCenter.Campaigns;
using Huawu.Data;
using Huawu.Data.Campaigns;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Campaigns;

/// <summary>
/// A campaign of a few hundred contacts run by a real <c>huawu serve</c> against a SIPp UAS acting as the carrier trunk, whose answer
/// depends on the number's last digit (scenario uas_campaign_trunk.xml): 0-3 answer, 4-5 busy, 6-7 ring unanswered, 8 unavailable (503),
/// 9 on the do-not-call list. Checked from SIPp's own message trace: who was dialled, how often, when, with which attempt.
/// </summary>
public sealed class CampaignSippTests
{
    private const int Contacts = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // Retries (seconds, attempts in all) short enough for a test; ring timeout 5 s (the shortest a campaign accepts).
    private const int BusyDelay = 2, NoAnswerDelay = 2, FailedDelay = 1, MaxAttempts = 2;

    [Fact]
    public async Task Every_contact_reaches_its_outcome_retries_come_when_due_and_blocked_numbers_never_reach_the_trunk()
    {
        var ports = PortBlock.Allocate(CampaignNode.RtpPorts + 16);
        await using var trunk = await StartTrunkAsync(ports);
        await using var node = await CampaignNode.CreateAsync(ports, trunk.Options.LocalPort);
        var campaignId = await SetUpAsync(node, "sipp-run");
        await node.StartAsync();

        await WaitForCompletionAsync(node, campaignId);
        var log = SippTrunkLog.Read(trunk);
        await node.StopAsync();

        var byNumber = log.Invites.GroupBy(i => i.Number).ToDictionary(g => g.Key, g => g.OrderBy(i => i.At).ToList());
        for (var i = 0; i < Contacts; i++)
        {
            var number = CampaignNode.Number(i);
            var dials = byNumber.GetValueOrDefault(number) ?? [];
            var expected = (i % 10) switch { <= 3 => 1, 9 => 0, _ => MaxAttempts };
            Assert.True(dials.Count == expected, $"{number}: dialled {dials.Count} times, expected {expected}\n{node.Describe()}");
            for (var retry = 1; retry < dials.Count; retry++)
            {
                // The retry comes its delay after SIPp's final answer to the previous attempt (486, 487 or 503).
                var previous = dials[retry - 1];
                var ended = (i % 10) switch
                {
                    4 or 5 => log.FinalSent(previous.CallId, 486),
                    6 or 7 => log.FinalSent(previous.CallId, 487),
                    _ => log.FinalSent(previous.CallId, 503),
                };
                var delay = (i % 10) switch { 4 or 5 => BusyDelay, 6 or 7 => NoAnswerDelay, _ => FailedDelay };
                Assert.True(ended is not null && dials[retry].At >= ended.Value.AddSeconds(delay),
                    $"{number}: retry at {dials[retry].At:HH:mm:ss.fff}, previous ended {ended:HH:mm:ss.fff}, delay {delay} s");
            }
        }
        await AssertAttemptsMatchTheTrunkAsync(node, campaignId, log, expectCompletedOutcomes: true);
    }

    [Fact]
    public async Task A_node_killed_mid_campaign_and_restarted_dials_no_attempt_twice_and_loses_none()
    {
        var ports = PortBlock.Allocate(CampaignNode.RtpPorts + 16);
        await using var trunk = await StartTrunkAsync(ports);
        await using var node = await CampaignNode.CreateAsync(ports, trunk.Options.LocalPort);
        var campaignId = await SetUpAsync(node, "sipp-crash");
        await node.StartAsync();

        // Mid-campaign: calls answered, ringing and being retried when the process dies.
        var deadline = DateTime.UtcNow + Patience;
        while (SippTrunkLog.Read(trunk).Invites.Count < 60)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the campaign never got going\n{node.Describe()}");
            await Task.Delay(100);
        }
        await node.KillAsync();
        var beforeRestart = SippTrunkLog.Read(trunk).Invites.Count;
        await node.WithStoreAsync(async store => Assert.NotEmpty(await store.Attempts.UnfinishedAsync("node-a"))); // it did leave some in flight
        await node.StartAsync();

        await WaitForCompletionAsync(node, campaignId);
        var log = SippTrunkLog.Read(trunk);
        Assert.Contains("Dialer recovery:", node.Serve.Output, StringComparison.Ordinal);
        await node.StopAsync();

        Assert.True(log.Invites.Count > beforeRestart, "nothing was dialled after the restart");
        Assert.DoesNotContain(log.Invites, i => i.Number[^1] == '9');
        foreach (var number in log.Invites.GroupBy(i => i.Number))
        {
            // A number may be retried (a new attempt) after its interrupted attempt, never beyond its rule's attempts.
            Assert.True(number.Count() <= MaxAttempts, $"{number.Key}: {number.Count()} INVITEs");
        }
        await AssertAttemptsMatchTheTrunkAsync(node, campaignId, log, expectCompletedOutcomes: false);
    }

    /// <summary>
    /// One INVITE dialog per attempt, each naming an attempt Huawu wrote before dialling; every attempt completed (none lost), every
    /// number done. With <paramref name="expectCompletedOutcomes"/>, each number's final outcome is the one its digit scripts.
    /// </summary>
    private static async Task AssertAttemptsMatchTheTrunkAsync(CampaignNode node, long campaignId, SippTrunkLog log, bool expectCompletedOutcomes)
    {
        var duplicated = log.Invites.GroupBy(i => i.Attempt).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count == 0, $"attempts dialled twice: {string.Join(", ", duplicated)}");
        await node.WithStoreAsync(async store =>
        {
            var attempts = await store.Attempts.ForCampaignAsync(campaignId, 0, 10_000);
            Assert.All(attempts, a => Assert.Equal(CallAttempt.Completed, a.Status));
            var dialled = attempts.Where(a => a.CallUuid is not null).Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
            var reached = log.Invites.Select(i => i.Attempt).ToHashSet();
            Assert.Subset(dialled, reached);
            if (expectCompletedOutcomes) Assert.Equal(dialled, reached);
            // The call id written into the attempt before dialling is the call's own: its record is found by it, with the number dialled.
            foreach (var attempt in attempts.Where(a => a.CallUuid is not null && a.Outcome == CampaignOutcome.Answered).Take(20))
            {
                var call = await store.Calls.FindByUuidAsync(attempt.CallUuid!);
                var contact = await store.Contacts.GetAsync(attempt.ContactId!.Value);
                Assert.True(call is not null && call.CustomerPhone == contact!.Phone, $"attempt {attempt.Id}: call {attempt.CallUuid} not recorded as {contact?.Phone}");
            }
            var blocked = attempts.Where(a => a.Outcome == CampaignOutcome.Blocked).ToList();
            Assert.Equal(Contacts / 10, blocked.Count);
            Assert.All(blocked, a => Assert.StartsWith("do_not_call", a.Detail, StringComparison.Ordinal));
            var counts = await store.CampaignQueue.CountsAsync(campaignId, DateTimeOffset.UtcNow);
            Assert.Equal((0L, 0L, (long)Contacts), (counts.Pending, counts.Dialing, counts.Done));
            if (!expectCompletedOutcomes) return;
            Assert.Equal(Contacts * 4 / 10, counts.ByOutcome[CampaignOutcome.Answered]);
            Assert.Equal(Contacts * 2 / 10, counts.ByOutcome[CampaignOutcome.Busy]);
            Assert.Equal(Contacts * 2 / 10, counts.ByOutcome[CampaignOutcome.NoAnswer]);
            Assert.Equal(Contacts / 10, counts.ByOutcome[CampaignOutcome.Failed]);
            Assert.All(attempts.Where(a => a.Outcome == CampaignOutcome.Failed), a => Assert.Equal(503, a.SipStatus));
        });
    }

    private static async Task<Sipp> StartTrunkAsync(PortBlock ports) => await Sipp.StartAsync(new SippOptions
    {
        Scenario = SippScenario.FromFile(Path.Combine(AppContext.BaseDirectory, "Campaigns", "Scenarios", "uas_campaign_trunk.xml")),
        LocalPort = ports.Take(),
        MediaPort = ports.Take(4),
        GlobalTimeout = Patience + Patience,
    });

    /// <summary>The operator's steps: import the contacts and the do-not-call file, allow calls at any hour (a test must not depend on the clock), create and start.</summary>
    private static async Task<long> SetUpAsync(CampaignNode node, string name)
    {
        var csv = new StringBuilder("姓名,手机号\n");
        var dnc = new StringBuilder();
        for (var i = 0; i < Contacts; i++)
        {
            var number = CampaignNode.Number(i);
            csv.Append(CultureInfo.InvariantCulture, $"客户{i},{number[3..6]}-{number[6..10]}-{number[10..]}\n"); // national spelling, as exported
            if (i % 10 == 9) dnc.Append(number).Append('\n');
        }
        Assert.Contains($"added: {Contacts}", await node.CliAsync("contacts", "import", node.File("contacts.csv", csv.ToString()), "--list", name, "--region", "CN"),
            StringComparison.Ordinal);
        Assert.Contains($"{Contacts / 10} added", await node.CliAsync("dnc", "import", node.File("dnc.txt", dnc.ToString()), "--registry", "test-registry"),
            StringComparison.Ordinal);
        await node.WithStoreAsync(store => store.Settings.SetAsync("compliance.cn.windows", "daily 00:00-24:00"));
        await node.CliAsync("campaign", "create", name, "--list", name, "--trunk", "carrier", "--caller-id", CampaignNode.CallerId,
            "--hours", "daily 00:00-24:00", "--max-concurrent", "40", "--rate", "40", "--ring-timeout", "5",
            "--retry", $"busy={BusyDelay}/{MaxAttempts}", "--retry", $"no_answer={NoAnswerDelay}/{MaxAttempts}", "--retry", $"failed={FailedDelay}/{MaxAttempts}");
        await node.CliAsync("campaign", "start", name);
        long id = 0;
        await node.WithStoreAsync(async store => id = (await store.Campaigns.FindByNameAsync(name))!.Id);
        return id;
    }

    private static async Task WaitForCompletionAsync(CampaignNode node, long campaignId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            string? status = null;
            await node.WithStoreAsync(async store => status = (await store.Campaigns.GetAsync(campaignId))!.Status);
            if (status == CampaignStatus.Completed) return;
            Assert.True(DateTime.UtcNow < deadline && !node.Serve.HasExited, $"campaign still {status}\n{node.Describe()}");
            await Task.Delay(500);
        }
    }
}
