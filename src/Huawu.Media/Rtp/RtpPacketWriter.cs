using System.Buffers.Binary;

namespace Huawu.Media.Rtp;

/// <summary>Writes RTP headers (RFC 3550 §5.1) into caller-owned buffers; the payload follows the returned length.</summary>
public static class RtpPacketWriter
{
    /// <summary>Writes a 12-byte header without CSRCs or extension and returns its length.</summary>
    public static int WriteHeader(Span<byte> destination, in RtpHeader header) => WriteHeader(destination, header, [], 0, []);

    /// <summary>
    /// Writes a header with up to 15 CSRCs and, when <paramref name="extensionData"/> is not empty, a header
    /// extension (RFC 3550 §5.3.1; its length must be a multiple of 4). Returns the header length.
    /// </summary>
    public static int WriteHeader(
        Span<byte> destination, in RtpHeader header, ReadOnlySpan<uint> csrcs, ushort extensionProfile, ReadOnlySpan<byte> extensionData)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcs.Length, 15);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.PayloadType, (byte)127);
        if (extensionData.Length % 4 != 0 || extensionData.Length > ushort.MaxValue * 4)
        {
            throw new ArgumentException("RTP header extension data must be whole 32-bit words.", nameof(extensionData));
        }
        var hasExtension = !extensionData.IsEmpty;
        var length = RtpPacketView.FixedHeaderLength + (4 * csrcs.Length) + (hasExtension ? 4 + extensionData.Length : 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, length);

        destination[0] = (byte)(0x80 | (hasExtension ? 0x10 : 0) | csrcs.Length);
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
        var offset = RtpPacketView.FixedHeaderLength;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }
        if (hasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], extensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extensionData.Length / 4));
            extensionData.CopyTo(destination[(offset + 4)..]);
        }
        return length;
    }
}
