using System.Globalization;

namespace Huawu.LoadTests.Node;

/// <summary>
/// Where one node listens, all on 127.0.0.1: SIP (UDP and TCP), HTTP (health checks and the API) and the RTP range. Its
/// <see cref="Trunks"/> trunks all lead to <see cref="TrunkPort"/>: calls from there come in as a trunk's, so no registration or
/// digest gets in the way, and a campaign dials out through them (several when one trunk's calls-per-second limit is too low).
/// </summary>
internal sealed record NodeSettings(int SipPort, int HttpPort, int FirstRtpPort, int LastRtpPort, int TrunkPort, int Trunks = 1, string? ParrotGreeting = null)
{
    public string RtpPorts => $"{Invariant(FirstRtpPort)}-{Invariant(LastRtpPort)}";

    public IEnumerable<string> TrunkNames => Enumerable.Range(1, Trunks).Select(n => n == 1 ? "load" : "load-" + Invariant(n));

    /// <summary>
    /// The configuration file: the trunks and, when <see cref="ParrotGreeting"/> is set, the parrot's greeting; every other key keeps
    /// its default, as an operator starts.
    /// </summary>
    public string ConfigurationYaml() =>
        "trunks:\n" + string.Concat(TrunkNames.Select(name => $"  - {{ name: {name}, host: 127.0.0.1, port: {Invariant(TrunkPort)}, options_interval_seconds: 0 }}\n")) +
        (ParrotGreeting is null ? "" : $"diagnostics:\n  parrot:\n    greeting: \"{ParrotGreeting}\"\n");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
