using System.Buffers.Binary;

namespace Huawu.Media.Rtcp;

/// <summary>One packet inside a validated compound RTCP datagram, viewed in place (RFC 3550 §6.4–6.6).</summary>
public readonly ref struct RtcpPacketView
{
    private const int HeaderLength = 4;
    private const int SenderInfoLength = 20;
    private readonly ReadOnlySpan<byte> _packet;

    internal RtcpPacketView(ReadOnlySpan<byte> packet) => _packet = packet;

    /// <summary>The raw packet type; compare with <see cref="RtcpPacketType"/>.</summary>
    public RtcpPacketType Type => (RtcpPacketType)_packet[1];

    /// <summary>The 5-bit count field: report blocks (SR/RR), chunks (SDES) or sources (BYE).</summary>
    public int Count => _packet[0] & 0x1F;

    /// <summary>The bytes after the 4-byte header, without padding.</summary>
    public ReadOnlySpan<byte> Body
    {
        get
        {
            var padding = (_packet[0] & 0x20) != 0 ? _packet[^1] : 0;
            return _packet[HeaderLength..^padding];
        }
    }

    /// <summary>The SSRC of the packet's sender (SR, RR) or of its first source (SDES chunk, BYE).</summary>
    public uint Ssrc => Body.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Body) : 0;

    public RtcpSenderInfo SenderInfo
    {
        get
        {
            RequireType(RtcpPacketType.SenderReport);
            var info = Body[4..];
            return new RtcpSenderInfo(
                BinaryPrimitives.ReadUInt64BigEndian(info),
                BinaryPrimitives.ReadUInt32BigEndian(info[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(info[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(info[16..]));
        }
    }

    /// <summary>Reads report block <paramref name="index"/> of an SR or RR (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var first = Type switch
        {
            RtcpPacketType.SenderReport => 4 + SenderInfoLength,
            RtcpPacketType.ReceiverReport => 4,
            _ => throw new InvalidOperationException($"An RTCP {Type} packet has no report blocks."),
        };
        var block = Body.Slice(first + (index * RtcpReportBlock.Length), RtcpReportBlock.Length);
        // §6.4.1: cumulative lost is a signed 24-bit number; shift it through the top of an int to extend the sign.
        var cumulativeLost = (int)(BinaryPrimitives.ReadUInt32BigEndian(block[4..]) << 8) >> 8;
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(block),
            block[4],
            cumulativeLost,
            BinaryPrimitives.ReadUInt32BigEndian(block[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[20..]));
    }

    /// <summary>Reads source <paramref name="index"/> of a BYE.</summary>
    public uint GetGoodbyeSsrc(int index)
    {
        RequireType(RtcpPacketType.Goodbye);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return BinaryPrimitives.ReadUInt32BigEndian(Body[(4 * index)..]);
    }

    /// <summary>The optional reason of a BYE (RFC 3550 §6.6), UTF-8; empty when absent or malformed.</summary>
    public ReadOnlySpan<byte> GoodbyeReason
    {
        get
        {
            RequireType(RtcpPacketType.Goodbye);
            var rest = Body[(4 * Count)..];
            return rest.Length > 0 && rest[0] < rest.Length ? rest.Slice(1, rest[0]) : [];
        }
    }

    /// <summary>Finds the CNAME item (RFC 3550 §6.5.1) in an SDES packet.</summary>
    public bool TryGetCanonicalName(out uint ssrc, out ReadOnlySpan<byte> canonicalName) =>
        RtcpSdesItems.TryFind(Body, Type == RtcpPacketType.SourceDescription ? Count : 0, RtcpSdesItems.CanonicalName, out ssrc, out canonicalName);

    internal bool HasValidCount
    {
        get
        {
            var body = _packet.Length - HeaderLength;
            return Type switch
            {
                RtcpPacketType.SenderReport => body >= 4 + SenderInfoLength + (Count * RtcpReportBlock.Length),
                RtcpPacketType.ReceiverReport => body >= 4 + (Count * RtcpReportBlock.Length),
                RtcpPacketType.Goodbye => body >= 4 * Count,
                _ => true,
            };
        }
    }

    private void RequireType(RtcpPacketType type)
    {
        if (Type != type) throw new InvalidOperationException($"This RTCP packet is a {Type}, not a {type}.");
    }
}
