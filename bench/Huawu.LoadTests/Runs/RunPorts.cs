using Huawu.LoadTests.Node;
using Huawu.Testing.Peers;

namespace Huawu.LoadTests.Runs;

/// <summary>
/// The loopback ports of one step, from one free block: the node's SIP and HTTP ports, SIPp's SIP port, SIPp's
/// media ports (RTP, the RTCP port this tool listens on, SIPp's second RTP port and one spare) and the node's RTP range.
/// </summary>
internal sealed record RunPorts(int NodeSip, int NodeHttp, int Generator, int GeneratorMedia, int FirstRtp, int LastRtp)
{
    public static RunPorts Allocate(int rtpPairs)
    {
        var block = PortBlock.Allocate(8 + 2 * rtpPairs);
        var (sip, http, generator, media) = (block.Take(), block.Take(), block.Take(), block.Take(4));
        var firstRtp = block.Take(2 * rtpPairs);
        return new RunPorts(sip, http, generator, media, firstRtp, firstRtp + 2 * rtpPairs - 1);
    }

    public int GeneratorRtcp => GeneratorMedia + 1;

    public NodeSettings Node() => new(NodeSip, NodeHttp, FirstRtp, LastRtp, TrunkPort: Generator);

    public string NodeSipAddress => $"127.0.0.1:{NodeSip}";
}
