using System.Buffers.Binary;

namespace Huawu.Testing.Peers.Wire;

/// <summary>An RTP packet (RFC 3550 §5.1) seen in a captured datagram.</summary>
public readonly record struct RtpPacket(
    UdpDatagram Datagram,
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc,
    ReadOnlyMemory<byte> Payload)
{
    private const int FixedHeaderLength = 12;

    /// <summary>
    /// Reads the datagram as RTP version 2, skipping CSRCs, a header extension and padding. RTCP on the same
    /// port is told apart by its packet types 200-204, which read as RTP payload types 72-76 with the marker
    /// bit set (RFC 5761 §4), so the whole 192-223 range of the second byte is refused.
    /// </summary>
    public static bool TryParse(UdpDatagram datagram, out RtpPacket packet)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        packet = default;
        var bytes = datagram.Payload.Span;
        if (bytes.Length < FixedHeaderLength || bytes[0] >> 6 != 2) return false;
        if (bytes[1] is >= 192 and <= 223) return false;
        var headerLength = FixedHeaderLength + 4 * (bytes[0] & 0x0F);
        if ((bytes[0] & 0x10) != 0)
        {
            if (bytes.Length < headerLength + 4) return false;
            headerLength += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(bytes[(headerLength + 2)..]);
        }
        var end = bytes.Length;
        if ((bytes[0] & 0x20) != 0) end -= bytes[^1];
        if (end < headerLength) return false;
        packet = new RtpPacket(
            datagram,
            Marker: (bytes[1] & 0x80) != 0,
            PayloadType: (byte)(bytes[1] & 0x7F),
            SequenceNumber: BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]),
            Timestamp: BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]),
            Ssrc: BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]),
            Payload: datagram.Payload[headerLength..end]);
        return true;
    }

    public override string ToString() =>
        $"RTP pt={PayloadType} seq={SequenceNumber} ts={Timestamp} ssrc=0x{Ssrc:x8}{(Marker ? " M" : "")} {Payload.Length}B {Datagram.Source}->{Datagram.Destination}";
}
