using System.Buffers.Binary;

namespace Huawu.Media.Rtcp;

/// <summary>
/// Builds a compound RTCP packet (RFC 3550 §6.1) into a caller's buffer: a report (SR or RR) first, then
/// SDES with a CNAME, optionally BYE. Each <c>TryWrite</c> returns false, writing nothing, when the buffer is full.
/// </summary>
public ref struct RtcpCompoundWriter
{
    private const int MaxCount = 31;
    private readonly Span<byte> _buffer;

    public RtcpCompoundWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        Length = 0;
    }

    /// <summary>Bytes written so far: the compound packet is <c>buffer[..Length]</c>.</summary>
    public int Length { get; private set; }

    /// <summary>An SR (RFC 3550 §6.4.1) from <paramref name="ssrc"/> with up to 31 report blocks.</summary>
    public bool TryWriteSenderReport(uint ssrc, in RtcpSenderInfo info, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks.Length, MaxCount);
        var length = 28 + (blocks.Length * RtcpReportBlock.Length);
        if (!TryReserve(length, out var packet)) return false;
        WriteHeader(packet, blocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(packet[8..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[16..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[20..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(packet[24..], info.OctetCount);
        WriteBlocks(packet[28..], blocks);
        return true;
    }

    /// <summary>An RR (RFC 3550 §6.4.2) from <paramref name="ssrc"/> with up to 31 report blocks (zero is allowed).</summary>
    public bool TryWriteReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks.Length, MaxCount);
        var length = 8 + (blocks.Length * RtcpReportBlock.Length);
        if (!TryReserve(length, out var packet)) return false;
        WriteHeader(packet, blocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        WriteBlocks(packet[8..], blocks);
        return true;
    }

    /// <summary>An SDES (RFC 3550 §6.5) with one chunk holding the CNAME item (at most 255 bytes).</summary>
    public bool TryWriteCanonicalName(uint ssrc, scoped ReadOnlySpan<byte> canonicalName)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canonicalName.Length, 255);
        // Chunk: SSRC, type, length, text, then at least one null octet padding to 32 bits.
        var length = 4 + Align(4 + 2 + canonicalName.Length + 1);
        if (!TryReserve(length, out var packet)) return false;
        WriteHeader(packet, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        packet[8] = RtcpSdesItems.CanonicalName;
        packet[9] = (byte)canonicalName.Length;
        canonicalName.CopyTo(packet[10..]);
        packet[(10 + canonicalName.Length)..].Clear();
        return true;
    }

    /// <summary>A BYE (RFC 3550 §6.6) for up to 31 sources with an optional UTF-8 reason (at most 255 bytes).</summary>
    public bool TryWriteGoodbye(scoped ReadOnlySpan<uint> ssrcs, scoped ReadOnlySpan<byte> reason)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ssrcs.Length, MaxCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reason.Length, 255);
        var length = 4 + (4 * ssrcs.Length) + (reason.IsEmpty ? 0 : Align(1 + reason.Length));
        if (!TryReserve(length, out var packet)) return false;
        WriteHeader(packet, ssrcs.Length, RtcpPacketType.Goodbye, length);
        var offset = 4;
        foreach (var ssrc in ssrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[offset..], ssrc);
            offset += 4;
        }
        if (!reason.IsEmpty)
        {
            packet[offset] = (byte)reason.Length;
            reason.CopyTo(packet[(offset + 1)..]);
            packet[(offset + 1 + reason.Length)..].Clear();
        }
        return true;
    }

    private static int Align(int length) => (length + 3) & ~3;

    private bool TryReserve(int length, out Span<byte> packet)
    {
        if (_buffer.Length - Length < length)
        {
            packet = default;
            return false;
        }
        packet = _buffer.Slice(Length, length);
        Length += length;
        return true;
    }

    private static void WriteHeader(Span<byte> packet, int count, RtcpPacketType type, int length)
    {
        packet[0] = (byte)(0x80 | count);
        packet[1] = (byte)type;
        // §6.4.1: the length is in 32-bit words minus one, header included.
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)((length / 4) - 1));
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, block.Ssrc);
            var lost = Math.Clamp(block.CumulativeLost, -0x800000, 0x7FFFFF) & 0xFFFFFF;
            BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)block.FractionLost << 24) | (uint)lost);
            BinaryPrimitives.WriteUInt32BigEndian(destination[8..], block.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(destination[12..], block.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(destination[16..], block.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(destination[20..], block.DelaySinceLastSenderReport);
            destination = destination[RtcpReportBlock.Length..];
        }
    }
}
