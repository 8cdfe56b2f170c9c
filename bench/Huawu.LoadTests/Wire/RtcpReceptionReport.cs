using System.Buffers.Binary;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// One report block of an SR or RR (RFC 3550 §6.4.1): what the reporter (<see cref="ReporterSsrc"/>, a node stream)
/// says it received of <see cref="SourceSsrc"/> (SIPp's stream) — cumulative loss and interarrival jitter.
/// </summary>
internal readonly record struct RtcpReceptionReport(uint ReporterSsrc, uint SourceSsrc, byte FractionLost, int CumulativeLost, uint HighestSequence, uint JitterUnits)
{
    private const int HeaderLength = 4, SenderInfoLength = 20, BlockLength = 24;
    private const byte SenderReport = 200, ReceiverReport = 201;

    /// <summary>
    /// Reads the report blocks of every SR and RR in an RTCP compound packet (§6.1), and each SR's sender packet
    /// count (§6.4.1: packets sent since the stream began); other packets are skipped.
    /// </summary>
    public static List<RtcpReceptionReport> ReadCompound(ReadOnlySpan<byte> datagram, Dictionary<uint, uint> packetsSent)
    {
        ArgumentNullException.ThrowIfNull(packetsSent);
        var reports = new List<RtcpReceptionReport>();
        while (datagram.Length >= HeaderLength + 4 && datagram[0] >> 6 == 2)
        {
            var count = datagram[0] & 0x1F;
            var type = datagram[1];
            var length = (BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) + 1) * 4;
            if (length > datagram.Length) break;
            if (type is SenderReport or ReceiverReport)
            {
                var reporter = BinaryPrimitives.ReadUInt32BigEndian(datagram[HeaderLength..]);
                if (type == SenderReport && length >= HeaderLength + 4 + SenderInfoLength)
                {
                    // Sender info: NTP timestamp (8), RTP timestamp (4), packet count (4), octet count (4).
                    packetsSent[reporter] = BinaryPrimitives.ReadUInt32BigEndian(datagram[(HeaderLength + 4 + 12)..]);
                }
                var blocks = datagram[(HeaderLength + 4 + (type == SenderReport ? SenderInfoLength : 0))..length];
                for (var i = 0; i < count && blocks.Length >= (i + 1) * BlockLength; i++) reports.Add(ReadBlock(reporter, blocks.Slice(i * BlockLength, BlockLength)));
            }
            datagram = datagram[length..];
        }
        return reports;
    }

    private static RtcpReceptionReport ReadBlock(uint reporter, ReadOnlySpan<byte> block)
    {
        // The cumulative count is a signed 24-bit number (duplicates can make it negative).
        var cumulative = (block[5] << 16) | (block[6] << 8) | block[7];
        if ((cumulative & 0x800000) != 0) cumulative -= 0x1000000;
        return new RtcpReceptionReport(
            reporter,
            BinaryPrimitives.ReadUInt32BigEndian(block),
            block[4],
            cumulative,
            BinaryPrimitives.ReadUInt32BigEndian(block[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[12..]));
    }
}
