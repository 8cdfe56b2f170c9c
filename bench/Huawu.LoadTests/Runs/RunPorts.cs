using System.Globalization;
using Huawu.LoadTests.Node;
using Huawu.Testing.Peers;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// The loopback ports of one step: the node's SIP and HTTP ports, SIPp's SIP port and its media ports (RTP, the RTCP
/// port this tool listens on, SIPp's second RTP port and a spare) from one free block; and the node's RTP range
/// above the kernel's ephemeral ports (<c>ip_local_port_range</c>), where neither outgoing connections nor the test
/// kit's port blocks (30000–59999) land, so the node takes its range in order and the first calls get its first ports.
/// Two load runs at once would share it: run one at a time.
/// </summary>
internal sealed record RunPorts(int NodeSip, int NodeHttp, int Generator, int GeneratorMedia, int FirstRtp, int LastRtp)
{
    private const int HighestPort = 65535;

    /// <summary>Ports for a step whose calls need at most <paramref name="rtpPairs"/> RTP pairs at once; the node gets the whole high range.</summary>
    public static RunPorts Allocate(int rtpPairs)
    {
        var block = PortBlock.Allocate(8);
        var (sip, http, generator, media) = (block.Take(), block.Take(), block.Take(), block.Take(4));
        var firstRtp = FirstAboveEphemeralPorts();
        var available = (HighestPort - firstRtp + 1) / 2;
        if (rtpPairs > available)
        {
            throw new InvalidOperationException(
                $"The step needs {rtpPairs} RTP port pairs; {firstRtp}-{HighestPort}, above the ephemeral ports, holds {available}. Lower the rate, the hold or the call count.");
        }
        return new RunPorts(sip, http, generator, media, firstRtp, firstRtp + 2 * available - 1);
    }

    public int GeneratorRtcp => GeneratorMedia + 1;

    public NodeSettings Node() => new(NodeSip, NodeHttp, FirstRtp, LastRtp, TrunkPort: Generator);

    public string NodeSipAddress => $"127.0.0.1:{NodeSip}";

    // "32768	60999": the first even port above the range (RTP takes the even port of a pair, RFC 3550 §11).
    private static int FirstAboveEphemeralPorts()
    {
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var above = Math.Max(60_000, int.Parse(range[1], CultureInfo.InvariantCulture) + 1);
        return above + (above & 1);
    }
}
