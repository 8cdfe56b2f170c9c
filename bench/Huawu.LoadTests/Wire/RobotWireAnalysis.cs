using Huawu.Testing.Peers.Wire;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// Reads the capture of a robot run and sorts its RTP into calls by the node's RTP port: the caller's speech to the node
/// (SIPp plays it from a capture) and the robot's voice back. The node's direction shows whether its media clock kept every
/// tick; both show loss. RTCP and signalling are ignored (RTCP payload types are refused by the kit's RTP parser).
/// </summary>
internal sealed class RobotWireAnalysis(int firstNodePort, int lastNodePort)
{
    private const uint PcmuUnitsPer20Ms = 160;
    private readonly Dictionary<int, (RtpDirection ToNode, RtpDirection FromNode)> _calls = [];

    public void AddFile(string path)
    {
        foreach (var datagram in PcapReader.ReadFile(path))
        {
            if (!RtpPacket.TryParse(datagram, out var packet)) continue;
            if (IsNodePort(datagram.Destination.Port) && !IsNodePort(datagram.Source.Port)) Call(datagram.Destination.Port).ToNode.Add(packet, datagram.Timestamp);
            else if (IsNodePort(datagram.Source.Port) && !IsNodePort(datagram.Destination.Port)) Call(datagram.Source.Port).FromNode.Add(packet, datagram.Timestamp);
        }
    }

    public RobotWireSummary Summarize() => new(
        _calls.Count,
        _calls.Values.Sum(c => c.ToNode.Packets),
        _calls.Values.Sum(c => c.ToNode.Lost),
        _calls.Values.Sum(c => c.FromNode.Packets),
        _calls.Values.Sum(c => c.FromNode.Lost),
        _calls.Values.Sum(c => c.FromNode.SkippedTicks),
        _calls.Values.Sum(c => c.FromNode.TalkspurtRestarts),
        _calls.Values.Select(c => c.ToNode.LongestInterval).DefaultIfEmpty().Max());

    private (RtpDirection ToNode, RtpDirection FromNode) Call(int nodePort)
    {
        if (!_calls.TryGetValue(nodePort, out var call)) _calls[nodePort] = call = (new RtpDirection(PcmuUnitsPer20Ms), new RtpDirection(PcmuUnitsPer20Ms));
        return call;
    }

    // RTP goes to the even port of each pair (RFC 3550 §11).
    private bool IsNodePort(int port) => port >= firstNodePort && port <= lastNodePort && port % 2 == 0;
}

/// <summary>The captured robot calls' RTP: packets and sequence gaps each way, the node's skipped ticks and talkspurts.</summary>
internal sealed record RobotWireSummary(
    int Calls,
    long ToNodePackets,
    long ToNodeLost,
    long FromNodePackets,
    long FromNodeLost,
    long SkippedTicks,
    long TalkspurtRestarts,
    TimeSpan LongestToNodeInterval)
{
    public override string ToString() => FormattableString.Invariant(
        $"caller → node {ToNodePackets} packets, {ToNodeLost} lost, longest interval {LongestToNodeInterval.TotalMilliseconds:F0} ms; node → caller {FromNodePackets} packets, {FromNodeLost} lost, {TalkspurtRestarts} talkspurt restarts; media clock: {SkippedTicks} ticks skipped");
}
