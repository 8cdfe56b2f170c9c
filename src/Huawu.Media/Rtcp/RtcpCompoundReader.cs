using System.Buffers.Binary;

namespace Huawu.Media.Rtcp;

/// <summary>
/// Walks the packets of a compound RTCP datagram (RFC 3550 §6.1) after validating the whole of it as
/// §A.2 does: version 2 everywhere, first packet SR or RR, padding only on the last, lengths adding up.
/// </summary>
public ref struct RtcpCompoundReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    private RtcpCompoundReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
    }

    /// <summary>Validates <paramref name="datagram"/>; on <see cref="RtcpParseStatus.Ok"/> the reader yields its packets.</summary>
    public static RtcpParseStatus TryCreate(ReadOnlySpan<byte> datagram, out RtcpCompoundReader reader)
    {
        reader = default;
        var status = Validate(datagram);
        if (status == RtcpParseStatus.Ok) reader = new RtcpCompoundReader(datagram);
        return status;
    }

    /// <summary>Moves to the next packet; false after the last.</summary>
    public bool TryReadNext(out RtcpPacketView packet)
    {
        if (_offset >= _datagram.Length)
        {
            packet = default;
            return false;
        }
        var length = PacketLength(_datagram[_offset..]);
        packet = new RtcpPacketView(_datagram.Slice(_offset, length));
        _offset += length;
        return true;
    }

    private static int PacketLength(ReadOnlySpan<byte> header) => (BinaryPrimitives.ReadUInt16BigEndian(header[2..]) + 1) * 4;

    private static RtcpParseStatus Validate(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < 4 || datagram.Length % 4 != 0) return RtcpParseStatus.TooShort;
        var type = datagram[1];
        if (type != (byte)RtcpPacketType.SenderReport && type != (byte)RtcpPacketType.ReceiverReport)
        {
            return datagram[0] >> 6 != 2 ? RtcpParseStatus.BadVersion : RtcpParseStatus.FirstNotReport;
        }
        for (var offset = 0; offset < datagram.Length;)
        {
            var rest = datagram[offset..];
            if (rest.Length < 4) return RtcpParseStatus.BadLength;
            if (rest[0] >> 6 != 2) return RtcpParseStatus.BadVersion;
            var length = PacketLength(rest);
            if (length > rest.Length) return RtcpParseStatus.BadLength;
            var isLast = length == rest.Length;
            if ((rest[0] & 0x20) != 0)
            {
                // §A.2: only the last packet of a compound may be padded; its last octet counts the padding.
                var padding = rest[length - 1];
                if (!isLast || padding == 0 || padding > length - 4) return RtcpParseStatus.BadPadding;
            }
            if (!new RtcpPacketView(rest[..length]).HasValidCount) return RtcpParseStatus.BadCount;
            offset += length;
        }
        return RtcpParseStatus.Ok;
    }
}
