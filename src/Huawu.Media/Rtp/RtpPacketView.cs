using System.Buffers.Binary;

namespace Huawu.Media.Rtp;

/// <summary>
/// A validated, zero-copy view of one RTP packet (RFC 3550 §5.1). Fields are read from the underlying
/// bytes on demand; nothing is copied or allocated.
/// </summary>
public readonly ref struct RtpPacketView
{
    /// <summary>The size of the fixed header, before CSRCs and extension.</summary>
    public const int FixedHeaderLength = 12;

    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _payloadOffset;
    private readonly int _payloadLength;

    private RtpPacketView(ReadOnlySpan<byte> packet, int payloadOffset, int payloadLength, int paddingLength)
    {
        _packet = packet;
        _payloadOffset = payloadOffset;
        _payloadLength = payloadLength;
        PaddingLength = paddingLength;
    }

    public bool HasPadding => (_packet[0] & 0x20) != 0;

    public bool HasExtension => (_packet[0] & 0x10) != 0;

    public int CsrcCount => _packet[0] & 0x0F;

    public bool Marker => (_packet[1] & 0x80) != 0;

    public byte PayloadType => (byte)(_packet[1] & 0x7F);

    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_packet[2..]);

    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_packet[4..]);

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_packet[8..]);

    /// <summary>The profile-defined 16 bits of the header extension (RFC 3550 §5.3.1), or 0 without one.</summary>
    public ushort ExtensionProfile =>
        HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_packet[(FixedHeaderLength + (4 * CsrcCount))..]) : (ushort)0;

    /// <summary>The header extension's data words, after its 4-byte header; empty without one.</summary>
    public ReadOnlySpan<byte> ExtensionData
    {
        get
        {
            if (!HasExtension) return [];
            var start = FixedHeaderLength + (4 * CsrcCount) + 4;
            return _packet[start.._payloadOffset];
        }
    }

    /// <summary>The payload, without padding.</summary>
    public ReadOnlySpan<byte> Payload => _packet.Slice(_payloadOffset, _payloadLength);

    /// <summary>Octets of padding at the end, including the count octet itself (RFC 3550 §5.1, P).</summary>
    public int PaddingLength { get; }

    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_packet[(FixedHeaderLength + (4 * index))..]);
    }

    /// <summary>Checks the header as RFC 3550 §5.1 and the validity checks of §A.1 require, and views it.</summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> packet, out RtpPacketView view)
    {
        view = default;
        if (packet.Length < FixedHeaderLength) return RtpParseStatus.TooShort;
        if (packet[0] >> 6 != 2) return RtpParseStatus.BadVersion;

        var offset = FixedHeaderLength + (4 * (packet[0] & 0x0F));
        if (offset > packet.Length) return RtpParseStatus.TruncatedCsrcList;

        if ((packet[0] & 0x10) != 0)
        {
            // RFC 3550 §5.3.1: 16 bits profile data, 16 bits length in 32-bit words excluding this header word.
            if (offset + 4 > packet.Length) return RtpParseStatus.TruncatedExtension;
            var words = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            offset += 4 + (4 * words);
            if (offset > packet.Length) return RtpParseStatus.TruncatedExtension;
        }

        var padding = 0;
        if ((packet[0] & 0x20) != 0)
        {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
            padding = packet[^1];
            if (padding == 0 || padding > packet.Length - offset) return RtpParseStatus.BadPadding;
        }

        view = new RtpPacketView(packet, offset, packet.Length - offset - padding, padding);
        return RtpParseStatus.Ok;
    }
}
