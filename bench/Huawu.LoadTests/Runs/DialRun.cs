using System.Globalization;
using System.Text.RegularExpressions;
using Huawu.LoadTests.Generator;
using Huawu.LoadTests.Host;
using Huawu.LoadTests.Node;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// Sustained dial rate of a campaign against a fresh node per step, set up as an operator would: the contacts imported and the campaign
/// created with the node's verbs, an administrator added; the node serving; the gate's China calling window opened to the whole day
/// through the settings API (so the run does not depend on the hour; the per-number caps stay in force and do not bite, every number
/// being dialled once); the campaign started through the API. SIPp's <c>uas_dial_trunk</c> answers every call and logs each INVITE with
/// its attempt; the node plays the hold prompt and hangs up.
/// </summary>
internal sealed partial class DialRun(DialOptions options, TimeProvider time)
{
    // CampaignValidator's limits: calls per second per trunk and calls at once.
    private const double MaxRatePerTrunk = 200;
    private const int MaxConcurrent = 1000;
    private const string CallerId = "+862161234567", Name = "dial";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500), Grace = TimeSpan.FromSeconds(60), SetUp = TimeSpan.FromMinutes(3);

    /// <summary>Runs the steps; 0 when the target rate held, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var directory = RunDirectory.Create("dial", time);
        using var report = new RunReport(directory);
        report.Line(FormattableString.Invariant(
            $"Dial rate: a campaign of {options.Duration.TotalSeconds:F0} s of contacts per rate → SIPp uas_dial_trunk, calls held {options.Hold.TotalSeconds:F1} s then hung up by the node; target {options.TargetRate}/s with 0 failures. Load average now {MachineSample.LoadAverage()}."));
        report.Line($"Evidence in {directory}");
        var highest = (await SteppedRun.UntilOneMissesAsync(options.Rates, directory, "dial", report,
            (value, stepDirectory) => RunStepAsync(value, stepDirectory, cancellationToken)))?.Value;
        var met = highest >= options.TargetRate;
        report.Line(highest is { } best
            ? $"Highest dial rate held with 0 failures: {best} calls/s (target {options.TargetRate}/s: {(met ? "MET" : "MISSED")})."
            : $"No dial rate held (target {options.TargetRate}/s: MISSED).");
        return met ? 0 : 1;
    }

    private async Task<DialStep> RunStepAsync(int rate, string directory, CancellationToken cancellationToken)
    {
        var contacts = (int)(rate * options.Duration.TotalSeconds);
        var trunks = (int)Math.Ceiling(rate / MaxRatePerTrunk);
        // Room for the calls held plus two seconds of setup and teardown, so concurrency is not what limits the rate.
        var concurrent = Math.Min(MaxConcurrent, (int)Math.Ceiling(rate * (options.Hold.TotalSeconds + 2)));
        var campaign = new DialCampaign(rate, contacts, trunks, concurrent);
        var ports = RunPorts.Allocate(concurrent + 64);
        var contactsFile = DialCampaignFiles.WriteContacts(directory, contacts);
        var prompt = DialCampaignFiles.WriteHoldPrompt(directory, options.Hold);
        var campaignTime = options.Duration * 3 + Grace;

        await using var trunk = await SippLoadRun.StartTrunkAsync(new SippTrunkSettings
        {
            ScenarioFile = Path.Combine(AppContext.BaseDirectory, "LoadScenarios", "uas_dial_trunk.xml"),
            LocalPort = ports.Generator,
            MediaPort = ports.GeneratorMedia,
            Calls = contacts,
            Timeout = SetUp + campaignTime,
        }, directory, time);
        var settings = ports.Node() with { Trunks = trunks };
        long campaignId = 0;
        await using var node = await HuawuNode.StartAsync(settings, directory, time, cancellationToken,
            async cli => campaignId = await PrepareAsync(cli, settings, campaign, contactsFile, prompt));
        using var api = await LoadAdministrator.SignInAsync(node, cancellationToken);
        // The cn preset allows 08:00-21:00 in the callee's zone (Asia/Shanghai for these numbers) and skips no holiday by default; the
        // run opens the whole day so it holds at any hour. Caps (3 per 5 minutes, 5 per day per number) stay: each number is dialled once.
        await api.SetAsync("compliance.cn.windows", "daily 00:00-24:00", cancellationToken);

        var loadAverage = MachineSample.LoadAverage();
        var before = WindowSample.Take(node.ProcessId, trunk.ProcessId, null, time);
        var started = time.GetTimestamp();
        await api.StartCampaignAsync(campaignId, cancellationToken);
        var progress = await WaitForCompletionAsync(api, campaignId, campaignTime, cancellationToken);
        var took = time.GetElapsedTime(started);
        var cpu = WindowSample.Take(node.ProcessId, trunk.ProcessId, null, time).Since(before, time, loadAverage, ProcessCpu.Memory(node.ProcessId));
        // SIPp ends by itself once every call has run through its scenario (the last BYE, then its linger).
        var sipp = await trunk.WaitForExitAsync(TimeSpan.FromSeconds(15));
        var sipSocket = UdpSocketTable.Read(ports.NodeSip, ports.NodeSip);
        var exitCode = await node.StopAsync();
        return new DialStep(campaign, progress, took, TrunkInvites.Read(directory), sipp, node.Log, exitCode, cpu, sipSocket);
    }

    /// <summary>The operator's steps before serving: contacts, an administrator for the API, the campaign (a draft); its id.</summary>
    private static async Task<long> PrepareAsync(NodeCli cli, NodeSettings settings, DialCampaign campaign, string contactsFile, string prompt)
    {
        var imported = await cli.RunAsync(["contacts", "import", contactsFile, "--list", Name, "--region", "CN"]);
        if (!imported.Contains($"added: {campaign.Contacts.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal))
            throw new InvalidOperationException($"The import did not add every contact:\n{imported}");
        await LoadAdministrator.AddAsync(cli);
        var created = await cli.RunAsync(
        [
            "campaign", "create", Name, "--list", Name, .. settings.TrunkNames.SelectMany(t => new[] { "--trunk", t }), "--caller-id", CallerId,
            "--hours", "daily 00:00-24:00", "--max-concurrent", campaign.MaxConcurrent.ToString(CultureInfo.InvariantCulture),
            "--rate", campaign.RatePerTrunk.ToString(CultureInfo.InvariantCulture), "--ring-timeout", "10",
            // One attempt per number: a failure is a failure, never hidden by a retry.
            "--retry", "busy=0/1", "--retry", "no_answer=0/1", "--retry", "failed=0/1", "--prompt", prompt,
        ]);
        return long.Parse(CreatedId().Match(created).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<CampaignProgress> WaitForCompletionAsync(NodeApi api, long campaignId, TimeSpan patience, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var progress = await api.CampaignAsync(campaignId, cancellationToken);
            if (progress.Status == "completed" || time.GetElapsedTime(started) > patience) return progress;
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    // "created campaign dial (id 1), draft: …"
    [GeneratedRegex(@"\(id (\d+)\)")]
    private static partial Regex CreatedId();
}
