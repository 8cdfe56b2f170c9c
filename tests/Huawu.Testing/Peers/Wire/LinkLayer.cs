using System.Buffers.Binary;
using System.Net;

namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// Peels a captured frame down to its UDP datagram. Handles the link types Linux captures produce
/// (Ethernet, which <c>lo</c> uses, Linux cooked SLL/SLL2, BSD loopback and raw IP) over IPv4 and IPv6.
/// IP fragments and IPv6 extension headers are not reassembled or walked: RTP and SIP on loopback need neither.
/// </summary>
internal static class LinkLayer
{
    // LINKTYPE_* values from https://www.tcpdump.org/linktypes.html
    private const int Null = 0, Ethernet = 1, Raw = 101, Loop = 108, LinuxSll = 113, Ipv4 = 228, Ipv6 = 229, LinuxSll2 = 276;
    private const ushort EtherTypeIpv4 = 0x0800, EtherTypeIpv6 = 0x86DD, EtherTypeVlan = 0x8100;
    private const byte UdpProtocol = 17;

    public static bool TryDecodeUdp(int linkType, DateTimeOffset timestamp, ReadOnlyMemory<byte> frame, out UdpDatagram datagram)
    {
        datagram = null!;
        return TryFindIp(linkType, frame.Span, out var ipOffset)
            && TryDecodeIp(timestamp, frame[ipOffset..], out datagram);
    }

    private static bool TryFindIp(int linkType, ReadOnlySpan<byte> frame, out int offset)
    {
        offset = 0;
        switch (linkType)
        {
            case Ethernet:
                if (frame.Length < 14) return false;
                offset = 14;
                var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
                if (etherType == EtherTypeVlan)
                {
                    if (frame.Length < 18) return false;
                    offset = 18;
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[16..]);
                }
                return etherType is EtherTypeIpv4 or EtherTypeIpv6;
            case LinuxSll:
                offset = 16;
                return frame.Length >= 16 && BinaryPrimitives.ReadUInt16BigEndian(frame[14..]) is EtherTypeIpv4 or EtherTypeIpv6;
            case LinuxSll2:
                offset = 20;
                return frame.Length >= 20 && BinaryPrimitives.ReadUInt16BigEndian(frame) is EtherTypeIpv4 or EtherTypeIpv6;
            case Null or Loop:
                // A 4-byte address family in the capturing host's byte order; the IP version nibble says enough.
                offset = 4;
                return frame.Length > 4;
            case Raw or Ipv4 or Ipv6:
                return frame.Length > 0;
            default:
                return false;
        }
    }

    private static bool TryDecodeIp(DateTimeOffset timestamp, ReadOnlyMemory<byte> packet, out UdpDatagram datagram)
    {
        datagram = null!;
        var ip = packet.Span;
        if (ip.IsEmpty) return false;
        IPAddress source, destination;
        int udpOffset, ipEnd;
        switch (ip[0] >> 4)
        {
            case 4:
                var headerLength = (ip[0] & 0x0F) * 4;
                if (ip.Length < 20 || headerLength < 20 || ip.Length < headerLength || ip[9] != UdpProtocol) return false;
                var fragment = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
                if ((fragment & 0x3FFF) != 0) return false; // more-fragments flag or a non-zero offset
                source = new IPAddress(ip.Slice(12, 4));
                destination = new IPAddress(ip.Slice(16, 4));
                udpOffset = headerLength;
                ipEnd = Math.Min(ip.Length, BinaryPrimitives.ReadUInt16BigEndian(ip[2..]));
                break;
            case 6:
                if (ip.Length < 40 || ip[6] != UdpProtocol) return false;
                source = new IPAddress(ip.Slice(8, 16));
                destination = new IPAddress(ip.Slice(24, 16));
                udpOffset = 40;
                ipEnd = Math.Min(ip.Length, 40 + BinaryPrimitives.ReadUInt16BigEndian(ip[4..]));
                break;
            default:
                return false;
        }
        if (ipEnd < udpOffset + 8) return false;
        var udp = ip[udpOffset..ipEnd];
        var udpLength = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(udp[4..]), udp.Length);
        if (udpLength < 8) return false;
        datagram = new UdpDatagram(
            timestamp,
            new IPEndPoint(source, BinaryPrimitives.ReadUInt16BigEndian(udp)),
            new IPEndPoint(destination, BinaryPrimitives.ReadUInt16BigEndian(udp[2..])),
            packet.Slice(udpOffset + 8, udpLength - 8));
        return true;
    }
}
