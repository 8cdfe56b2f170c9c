namespace Huawu.ContactCenter.Dialing;

/// <summary>The dialer of one node.</summary>
public sealed record DialerOptions
{
    /// <summary>
    /// This node's name in attempts and queue claims: after a crash, the node that comes back with the same name settles what it left in
    /// flight. Default the host name; give each node on one host its own.
    /// </summary>
    public string NodeId { get; init; } = Environment.MachineName;

    /// <summary>How often the dialer looks for due numbers and free capacity (and sooner whenever a call ends).</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often it re-reads which campaigns are running (started, paused or stopped from any node, the CLI or the API).</summary>
    public TimeSpan CampaignPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Progress events per campaign at most this often.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The caller ID each trunk presents by default (trunk name → number), what the gate checks when a campaign names none.</summary>
    public IReadOnlyDictionary<string, string> TrunkCallerIds { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone of campaign schedules that name none.</summary>
    public string DefaultZone { get; init; } = "Asia/Shanghai";
}
