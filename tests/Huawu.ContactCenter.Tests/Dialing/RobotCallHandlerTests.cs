using System.Diagnostics.CodeAnalysis;
using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Dialing;
using Huawu.ContactCenter.Tests.Support;
using Huawu.Data.Campaigns;
using Huawu.Robot.Runtime;
using Huawu.Robot.Samples;
using Huawu.Robot.Scripts;
using Huawu.Robot.Storage;
using Huawu.Telephony.Calls;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huawu.ContactCenter.Tests.Dialing;

/// <summary>
/// Campaigns and the robot: a campaign's script must be one the runtime can carry out; answered calls of a campaign with a
/// script go to the robot (the robot on real media is the interop tests'), the others to the interim handler.
/// </summary>
public sealed class RobotCallHandlerTests
{
    private const string Phone = "+8613800000001";

    [Fact]
    public async Task A_campaigns_script_must_exist_load_and_transfer_only_to_extensions_and_queues_the_node_has()
    {
        await using var rig = await DialerRig.CreateAsync();
        var list = await rig.Store.Contacts.CreateListAsync("list", "CN", null);
        async Task<CampaignChange> CreateAsync(string name, long versionId) =>
            await rig.Campaigns.CreateAsync(new CampaignDefinition(name, [list.Id], DialerRig.Settings()) { ScriptVersionId = versionId });

        var missing = await CreateAsync("missing", 999);
        Assert.Equal("script_version_id", Assert.Single(missing.Problems).Field);

        // The Chinese loan sample hands large amounts to the queue loan_advisors: refused before any number is dialled on a node
        // without that queue, accepted on one that has it.
        var loan = await ImportSampleAsync(rig, "loan-followup.zh.yaml");
        var queue = await CreateAsync("queue", loan);
        var refusal = Assert.Single(queue.Problems);
        Assert.Contains("node 'to_advisor'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("queue 'loan_advisors', which this node does not have", refusal.Message, StringComparison.Ordinal);
        var withQueue = new CampaignService(rig.Store, [DialerRig.Trunk], rig.Time, new KnownQueues("loan_advisors"));
        var accepted = await withQueue.CreateAsync(new CampaignDefinition("with-queue", [list.Id], DialerRig.Settings()) { ScriptVersionId = loan });
        Assert.True(accepted.Succeeded, string.Join("; ", accepted.Problems));

        var reminder = await CreateAsync("reminder", await ImportSampleAsync(rig, "appointment-reminder.en.yaml"));
        Assert.True(reminder.Succeeded, string.Join("; ", reminder.Problems));
    }

    [Fact]
    public async Task Answered_calls_go_to_the_robot_only_when_the_campaign_has_a_script_and_a_robot_that_cannot_run_hangs_up()
    {
        await using var rig = await DialerRig.CreateAsync();
        rig.Calls.Script = _ => FarEnd.Answer;
        var robots = new UnavailableRobots();
        var handler = new RobotCallHandler(rig.Store, robots, new PromptPlaybackHandler(), NullLogger.Instance);
        var plain = await rig.CampaignAsync([Phone], name: "plain");
        var scripted = await rig.CampaignAsync(["+8613800000002"], name: "scripted",
            scriptVersionId: await ImportSampleAsync(rig, "appointment-reminder.en.yaml"));
        Assert.True((await rig.Campaigns.StartAsync(plain)).Succeeded);
        Assert.True((await rig.Campaigns.StartAsync(scripted)).Succeeded);
        await rig.StartDialerAsync(handler);

        foreach (var campaign in new[] { plain, scripted })
        {
            await rig.RunUntilAsync(async () => (await rig.Store.Campaigns.GetAsync(campaign))!.Status == CampaignStatus.Completed,
                TimeSpan.FromSeconds(5), 100, "the campaign completes");
        }

        // The interim handler played its tone to the plain campaign's callee; the robot was asked for the script's call only.
        Assert.Equal(CampaignOutcome.Answered, Assert.Single(await rig.Store.Attempts.ForCampaignAsync(plain, 0, 10)).DispositionCode);
        Assert.Equal(["appointment-reminder-en"], robots.Asked);
        Assert.Equal(CampaignOutcome.Failed, Assert.Single(await rig.Store.Attempts.ForCampaignAsync(scripted, 0, 10)).DispositionCode);
        Assert.Empty(rig.Calls.Calls);
    }

    private static async Task<long> ImportSampleAsync(DialerRig rig, string sample)
    {
        var imported = await ScriptImporter.ImportAsync(rig.Store.Scripts, SampleScripts.Read(sample)!);
        return imported.Stored!.Id;
    }

    /// <summary>A node whose speech engines cannot run: the robot must not leave the callee on a silent line.</summary>
    private sealed class UnavailableRobots : IRobotServicesSource
    {
        public List<string> Asked { get; } = [];

        public bool TryGet(Script script, [NotNullWhen(true)] out RobotServices? services, [NotNullWhen(false)] out string? error)
        {
            lock (Asked) Asked.Add(script.Name);
            services = null;
            error = "speech.tts: espeak-ng is not installed";
            return false;
        }
    }

    /// <summary>A node's queues as the campaign check sees them: names only (routing is the ACD tests').</summary>
    private sealed class KnownQueues(params string[] names) : IHandOffQueues
    {
        public bool Contains(string queue) => names.Contains(queue, StringComparer.OrdinalIgnoreCase);

        public Task<QueueHandOffResult> ConnectAsync(QueueHandOff handOff, CancellationToken cancellation) => throw new NotSupportedException();
    }
}
