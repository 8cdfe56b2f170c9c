using System.Net;

namespace Huawu.Testing.Peers.Wire;

/// <summary>One UDP datagram as captured on the wire.</summary>
public sealed record UdpDatagram(DateTimeOffset Timestamp, IPEndPoint Source, IPEndPoint Destination, ReadOnlyMemory<byte> Payload)
{
    public override string ToString() => $"{Timestamp:HH:mm:ss.ffffff} {Source} -> {Destination} ({Payload.Length} bytes)";
}
