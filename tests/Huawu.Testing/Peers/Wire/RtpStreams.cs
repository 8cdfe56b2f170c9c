namespace Huawu.Testing.Peers.Wire;

/// <summary>Groups captured datagrams into RTP streams and picks streams by direction.</summary>
public static class RtpStreams
{
    /// <summary>
    /// The RTP streams among <paramref name="datagrams"/>, one per (source, destination, SSRC), in order of
    /// first appearance. Datagrams that are not RTP (SIP, RTCP, STUN) are ignored.
    /// </summary>
    public static IReadOnlyList<RtpStream> From(IEnumerable<UdpDatagram> datagrams)
    {
        ArgumentNullException.ThrowIfNull(datagrams);
        var streams = new Dictionary<(string Source, string Destination, uint Ssrc), List<RtpPacket>>();
        var order = new List<(string, string, uint)>();
        foreach (var datagram in datagrams)
        {
            if (!RtpPacket.TryParse(datagram, out var packet)) continue;
            var key = (datagram.Source.ToString(), datagram.Destination.ToString(), packet.Ssrc);
            if (!streams.TryGetValue(key, out var packets))
            {
                streams[key] = packets = [];
                order.Add(key);
            }
            packets.Add(packet);
        }
        return [.. order.Select(key =>
        {
            var packets = streams[key];
            return new RtpStream(packets[0].Datagram.Source, packets[0].Datagram.Destination, key.Item3, packets);
        })];
    }

    /// <summary>The streams sent from <paramref name="port"/>.</summary>
    public static IReadOnlyList<RtpStream> SentFrom(this IEnumerable<RtpStream> streams, int port) =>
        [.. streams.Where(s => s.Source.Port == port)];

    /// <summary>The streams sent to <paramref name="port"/>.</summary>
    public static IReadOnlyList<RtpStream> SentTo(this IEnumerable<RtpStream> streams, int port) =>
        [.. streams.Where(s => s.Destination.Port == port)];

    /// <summary>The streams carrying at least one packet of <paramref name="payloadType"/>.</summary>
    public static IReadOnlyList<RtpStream> Carrying(this IEnumerable<RtpStream> streams, byte payloadType) =>
        [.. streams.Where(s => s.Count(payloadType) > 0)];
}
