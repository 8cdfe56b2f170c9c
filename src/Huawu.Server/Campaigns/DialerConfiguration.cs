using Huawu.ContactCenter.Compliance.Zones;
using Huawu.ContactCenter.Dialing;
using Huawu.Telephony.Configuration;

namespace Huawu.Server.Campaigns;

/// <summary>The <c>dialer:</c> section: whether this node dials running campaigns, its name in attempts, the default zone.</summary>
public sealed class DialerConfiguration
{
    /// <summary>Dial the running campaigns on this node (a node that only takes inbound calls turns it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's name in attempts and queue claims; default the host name. Each node sharing a database needs its own.</summary>
    public string? NodeId { get; set; }

    /// <summary>The zone of campaign schedules that name none (callees' default zone is the compliance setting <c>compliance.default_zone</c>).</summary>
    public string DefaultZone { get; set; } = "Asia/Shanghai";

    public IEnumerable<string> Validate()
    {
        if (!TimeZones.Exists(DefaultZone)) yield return $"dialer.default_zone: '{DefaultZone}' is not an IANA time zone (e.g. Asia/Shanghai)";
        if (NodeId is { } node && (node.Length is 0 or > 64 || node.Any(char.IsWhiteSpace))) yield return "dialer.node_id: 1-64 characters, no spaces";
    }

    public DialerOptions ToOptions(IEnumerable<TrunkOptions> trunks) => new()
    {
        NodeId = NodeId ?? Environment.MachineName,
        DefaultZone = DefaultZone,
        TrunkCallerIds = trunks.Where(t => t.CallerId is not null)
            .ToDictionary(t => t.Name, t => t.CallerId!, StringComparer.OrdinalIgnoreCase),
    };
}
