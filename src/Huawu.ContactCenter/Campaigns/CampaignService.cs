using Huawu.Data;
using Huawu.Data.Campaigns;
using Huawu.Robot.Runtime;
using Huawu.Robot.Storage;

namespace Huawu.ContactCenter.Campaigns;

/// <summary>
/// Campaigns as the CLI and the API manage them: create (as a draft, checked), start, pause, resume, stop, and their status. Status
/// changes are compare-and-set in the store, so a console and a command line racing never both win; the dialer of every node follows
/// the stored status.
/// </summary>
/// <param name="queues">The node's queues: a script transferring to another queue is refused; none, every queue transfer is.</param>
public sealed class CampaignService(DataStore store, IReadOnlyCollection<string> knownTrunks, TimeProvider time, IHandOffQueues? queues = null)
{
    private static readonly string[] Startable = [CampaignStatus.Draft, CampaignStatus.Stopped, CampaignStatus.Completed];

    public async Task<CampaignChange> CreateAsync(CampaignDefinition definition, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = CampaignValidator.Check(definition, knownTrunks).Concat(await ScriptProblemsAsync(definition.ScriptVersionId, cancellation)).ToList();
        if (problems.Count > 0) return new CampaignChange(null, problems);
        var created = await store.Campaigns.CreateAsync(new NewCampaign(definition.Name.Trim(), definition.ListIds)
        {
            Priority = definition.Priority,
            Settings = definition.Settings.ToJson(),
            ScriptVersionId = definition.ScriptVersionId,
        }, cancellation);
        return created.Value is { } campaign
            ? new CampaignChange(campaign, [])
            : new CampaignChange(null, [new CampaignProblem(created.Problem == DataProblem.Duplicate ? "name" : "lists", created.Detail!)]);
    }

    /// <summary>A campaign by id, or by name when <paramref name="idOrName"/> is not a number.</summary>
    /// <summary>A campaign's script must exist, load, and be one the robot's runtime can carry out, before any number is dialled.</summary>
    private async Task<IEnumerable<CampaignProblem>> ScriptProblemsAsync(long? versionId, CancellationToken cancellation)
    {
        const string Field = "script_version_id";
        if (versionId is not { } id) return [];
        if (await store.Scripts.GetAsync(id, cancellation) is not { } version) return [new CampaignProblem(Field, $"no script version {id}")];
        var loaded = ScriptImporter.Load(version);
        if (loaded.Script is not { } script) return loaded.Errors.Select(e => new CampaignProblem(Field, $"{version.Name} v{version.Version}: {e}"));
        return RobotCall.Unsupported(script, queue => queues is not null && queues.Contains(queue)).Select(reason => new CampaignProblem(Field, $"{version.Name} v{version.Version}: {reason}"));
    }

    public async Task<Campaign?> FindAsync(string idOrName, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        return long.TryParse(idOrName, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await store.Campaigns.GetAsync(id, cancellation) ?? await store.Campaigns.FindByNameAsync(idOrName, cancellation)
            : await store.Campaigns.FindByNameAsync(idOrName, cancellation);
    }

    /// <summary>Queues the lists' numbers and sets the campaign running (from draft, stopped or completed: a restart calls who is still due).</summary>
    public Task<CampaignChange> StartAsync(long id, CancellationToken cancellation = default) =>
        MoveAsync(id, Startable, CampaignStatus.Running, enqueue: true, cancellation);

    public Task<CampaignChange> PauseAsync(long id, CancellationToken cancellation = default) =>
        MoveAsync(id, [CampaignStatus.Running], CampaignStatus.Paused, enqueue: false, cancellation);

    /// <summary>Running again; contacts added to its lists meanwhile are queued.</summary>
    public Task<CampaignChange> ResumeAsync(long id, CancellationToken cancellation = default) =>
        MoveAsync(id, [CampaignStatus.Paused], CampaignStatus.Running, enqueue: true, cancellation);

    /// <summary>No new calls; calls in progress finish.</summary>
    public Task<CampaignChange> StopAsync(long id, CancellationToken cancellation = default) =>
        MoveAsync(id, [CampaignStatus.Running, CampaignStatus.Paused], CampaignStatus.Stopped, enqueue: false, cancellation);

    public async Task<CampaignReport?> ReportAsync(long id, CancellationToken cancellation = default)
    {
        if (await store.Campaigns.GetAsync(id, cancellation) is not { } campaign) return null;
        return new CampaignReport(campaign, CampaignSettings.FromJson(campaign.Settings, out _) ?? new CampaignSettings(),
            await store.CampaignQueue.CountsAsync(id, time.GetUtcNow(), cancellation), await store.Attempts.CountByOutcomeAsync(id, cancellation));
    }

    private async Task<CampaignChange> MoveAsync(long id, string[] from, string to, bool enqueue, CancellationToken cancellation)
    {
        if (await store.Campaigns.GetAsync(id, cancellation) is not { } campaign) return new CampaignChange(null, [], NotFound: true);
        // Queue before the status flips: a dialer that sees 'running' finds the numbers there.
        if (enqueue && from.Contains(campaign.Status)) await store.CampaignQueue.EnqueueAsync(id, cancellation);
        if (!await store.Campaigns.ChangeStatusAsync(id, from, to, cancellation))
        {
            var now = await store.Campaigns.GetAsync(id, cancellation);
            return new CampaignChange(now, [new CampaignProblem("status", $"'{now?.Status}': can only go to '{to}' from {string.Join(" or ", from.Select(f => $"'{f}'"))}")]);
        }
        return new CampaignChange(await store.Campaigns.GetAsync(id, cancellation), []);
    }
}
