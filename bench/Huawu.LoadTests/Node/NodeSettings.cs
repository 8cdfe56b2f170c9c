using System.Globalization;

namespace Huawu.LoadTests.Node;

/// <summary>
/// Where one node listens, all on 127.0.0.1: SIP (UDP and TCP), HTTP (health checks) and the RTP range; calls
/// from <see cref="TrunkPort"/> come in as a trunk's, so no registration or digest gets in the way.
/// </summary>
internal sealed record NodeSettings(int SipPort, int HttpPort, int FirstRtpPort, int LastRtpPort, int TrunkPort)
{
    public string RtpPorts => $"{Invariant(FirstRtpPort)}-{Invariant(LastRtpPort)}";

    /// <summary>The configuration file: only the trunk; every other key keeps its default, as an operator starts.</summary>
    public string ConfigurationYaml() =>
        $"trunks:\n  - {{ name: load, host: 127.0.0.1, port: {Invariant(TrunkPort)}, options_interval_seconds: 0 }}\n";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
