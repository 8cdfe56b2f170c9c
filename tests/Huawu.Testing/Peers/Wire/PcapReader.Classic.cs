namespace Huawu.Testing.Peers.Wire;

// The classic libpcap format: a 24-byte global header, then 16-byte record headers each followed by a frame
// (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html §4, §5).
public sealed partial class PcapReader
{
    private const uint MicrosecondMagic = 0xA1B2C3D4, NanosecondMagic = 0xA1B23C4D;
    private const int ClassicHeaderLength = 24, ClassicRecordHeaderLength = 16;

    private bool _classicHeaderRead, _classicBigEndian;
    private ulong _classicFractionsPerSecond;
    private int _classicLinkType;

    private int ParseClassic(ReadOnlyMemory<byte> data, List<UdpDatagram> datagrams)
    {
        var span = data.Span;
        if (!_classicHeaderRead)
        {
            if (span.Length < ClassicHeaderLength) return 0;
            ReadClassicHeader(span);
            return ClassicHeaderLength;
        }
        if (span.Length < ClassicRecordHeaderLength) return 0;
        var capturedLength = (int)ReadUInt32(span[8..], _classicBigEndian);
        var recordLength = ClassicRecordHeaderLength + capturedLength;
        if (span.Length < recordLength) return 0;
        var seconds = ReadUInt32(span, _classicBigEndian);
        var fraction = ReadUInt32(span[4..], _classicBigEndian);
        var timestamp = FromUnixUnits(seconds * _classicFractionsPerSecond + fraction, _classicFractionsPerSecond);
        if (LinkLayer.TryDecodeUdp(_classicLinkType, timestamp, data.Slice(ClassicRecordHeaderLength, capturedLength), out var datagram))
        {
            datagrams.Add(datagram);
        }
        return recordLength;
    }

    private void ReadClassicHeader(ReadOnlySpan<byte> header)
    {
        var magic = ReadUInt32(header, bigEndian: false);
        var swapped = ReadUInt32(header, bigEndian: true);
        _classicBigEndian = swapped is MicrosecondMagic or NanosecondMagic;
        var native = _classicBigEndian ? swapped : magic;
        _classicFractionsPerSecond = native switch
        {
            MicrosecondMagic => 1_000_000,
            NanosecondMagic => 1_000_000_000,
            _ => throw new InvalidDataException($"Not a pcap or pcapng capture (magic 0x{magic:X8})."),
        };
        // The link type's low 16 bits; the upper bits carry FCS information we do not need.
        _classicLinkType = (int)(ReadUInt32(header[20..], _classicBigEndian) & 0xFFFF);
        _classicHeaderRead = true;
    }
}
