using Huawu.Testing.Peers.Wire;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// Reads the capture of an echo run file by file and sorts its RTP into calls, keyed by the node's RTP port:
/// forward is SIPp's media port → node port, return is node port → SIPp's media port. RTCP and signalling are
/// ignored (RTCP payload types are refused by the kit's RTP parser).
/// </summary>
internal sealed class EchoWireAnalysis
{
    private readonly int _generatorMediaPort;
    private readonly int _firstNodePort, _lastNodePort;
    private readonly Dictionary<int, EchoCall> _calls = [];
    private readonly long[] _delayMilliseconds = new long[1001];

    public EchoWireAnalysis(int generatorMediaPort, int firstNodePort, int lastNodePort)
    {
        _generatorMediaPort = generatorMediaPort;
        _firstNodePort = firstNodePort;
        _lastNodePort = lastNodePort;
    }

    public void AddFile(string path)
    {
        foreach (var datagram in PcapReader.ReadFile(path)) Add(datagram);
    }

    public void Add(UdpDatagram datagram)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        if (!RtpPacket.TryParse(datagram, out var packet)) return;
        if (datagram.Source.Port == _generatorMediaPort && IsNodePort(datagram.Destination.Port))
        {
            Call(datagram.Destination.Port).AddForward(packet, datagram.Timestamp);
        }
        else if (datagram.Destination.Port == _generatorMediaPort && IsNodePort(datagram.Source.Port)
            && Call(datagram.Source.Port).AddReturn(packet, datagram.Timestamp) is { } delay)
        {
            _delayMilliseconds[(int)Math.Clamp(delay.TotalMilliseconds, 0, _delayMilliseconds.Length - 1)]++;
        }
    }

    public EchoWireSummary Summarize() => new(
        Calls: _calls.Count,
        ForwardPackets: _calls.Values.Sum(c => c.Forward.Packets),
        ReturnPackets: _calls.Values.Sum(c => c.Return.Packets),
        ForwardLost: _calls.Values.Sum(c => c.Forward.Lost),
        ReturnLost: _calls.Values.Sum(c => c.Return.Lost),
        Echoed: _calls.Values.Sum(c => c.Echoed),
        NotEchoed: _calls.Values.Sum(c => c.NotEchoed),
        CallsNotEchoingEverything: _calls.Values.Count(c => c.NotEchoed > 0),
        FirstPayloadsNotEchoed: _calls.Values.Count(c => c.FirstNotEchoed),
        ReturnedOther: _calls.Values.Sum(c => c.ReturnedOther),
        SkippedTicks: _calls.Values.Sum(c => c.Return.SkippedTicks),
        TalkspurtRestarts: _calls.Values.Sum(c => c.Return.TalkspurtRestarts),
        LongestForwardInterval: _calls.Values.Select(c => c.Forward.LongestInterval).DefaultIfEmpty().Max(),
        LongestReturnInterval: _calls.Values.Select(c => c.Return.LongestInterval).DefaultIfEmpty().Max(),
        EchoDelayMedian: DelayPercentile(0.5),
        EchoDelay99: DelayPercentile(0.99),
        EchoDelayMax: DelayPercentile(1.0));

    private EchoCall Call(int nodePort)
    {
        if (!_calls.TryGetValue(nodePort, out var call)) _calls[nodePort] = call = new EchoCall();
        return call;
    }

    // RTP goes to the even port of each pair (RFC 3550 §11).
    private bool IsNodePort(int port) => port >= _firstNodePort && port <= _lastNodePort && port % 2 == 0;

    private TimeSpan DelayPercentile(double fraction)
    {
        var total = _delayMilliseconds.Sum();
        if (total == 0) return TimeSpan.Zero;
        var rank = (long)Math.Ceiling(fraction * total);
        long seen = 0;
        for (var ms = 0; ms < _delayMilliseconds.Length; ms++)
        {
            seen += _delayMilliseconds[ms];
            if (seen >= rank) return TimeSpan.FromMilliseconds(ms);
        }
        return TimeSpan.FromMilliseconds(_delayMilliseconds.Length - 1);
    }
}
