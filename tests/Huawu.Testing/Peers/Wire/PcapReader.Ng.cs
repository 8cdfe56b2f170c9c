namespace Huawu.Testing.Peers.Wire;

// pcapng: a sequence of blocks "type, total length, body, total length"; a Section Header Block sets the byte
// order and resets the interfaces that the Interface Description Blocks then declare, and packets come in
// Enhanced, Simple or (obsolete) Packet Blocks (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html §4).
public sealed partial class PcapReader
{
    private const uint SectionHeaderBlock = 0x0A0D0D0A, ByteOrderMagic = 0x1A2B3C4D;
    private const uint InterfaceDescriptionBlock = 1, ObsoletePacketBlock = 2, SimplePacketBlock = 3, EnhancedPacketBlock = 6;
    private const ushort EndOfOptions = 0, TimestampResolutionOption = 9;

    private readonly List<(int LinkType, ulong UnitsPerSecond)> _interfaces = [];
    private bool _sectionBigEndian;

    private int ParseNextGeneration(ReadOnlyMemory<byte> data, List<UdpDatagram> datagrams)
    {
        var span = data.Span;
        if (span.Length < 12) return 0;
        var type = ReadUInt32(span, _sectionBigEndian);
        if (type == SectionHeaderBlock)
        {
            // The section's byte order is only known from the magic that follows the length.
            _sectionBigEndian = ReadUInt32(span[8..], bigEndian: true) == ByteOrderMagic;
        }
        var length = (int)ReadUInt32(span[4..], _sectionBigEndian);
        if (length < 12 || length % 4 != 0) throw new InvalidDataException($"Corrupt pcapng block length {length}.");
        if (span.Length < length) return 0;
        var block = data[..length];
        switch (type)
        {
            case SectionHeaderBlock:
                _interfaces.Clear();
                break;
            case InterfaceDescriptionBlock:
                _interfaces.Add((ReadUInt16(block.Span[8..], _sectionBigEndian), ReadTimestampResolution(block.Span[16..^4])));
                break;
            case EnhancedPacketBlock:
                AddPacket(block, interfaceId: (int)ReadUInt32(block.Span[8..], _sectionBigEndian), timestampOffset: 12, datagrams);
                break;
            case ObsoletePacketBlock:
                AddPacket(block, interfaceId: ReadUInt16(block.Span[8..], _sectionBigEndian), timestampOffset: 12, datagrams);
                break;
            case SimplePacketBlock:
                AddSimplePacket(block, datagrams);
                break;
        }
        return length;
    }

    // Enhanced and obsolete packet blocks share the layout: timestamp high/low, captured length, original
    // length, frame.
    private void AddPacket(ReadOnlyMemory<byte> block, int interfaceId, int timestampOffset, List<UdpDatagram> datagrams)
    {
        if (interfaceId >= _interfaces.Count) return;
        var span = block.Span;
        var (linkType, unitsPerSecond) = _interfaces[interfaceId];
        var units = ((ulong)ReadUInt32(span[timestampOffset..], _sectionBigEndian) << 32) | ReadUInt32(span[(timestampOffset + 4)..], _sectionBigEndian);
        var capturedLength = (int)ReadUInt32(span[(timestampOffset + 8)..], _sectionBigEndian);
        var frameOffset = timestampOffset + 16;
        if (frameOffset + capturedLength > block.Length - 4) return;
        if (LinkLayer.TryDecodeUdp(linkType, FromUnixUnits(units, unitsPerSecond), block.Slice(frameOffset, capturedLength), out var datagram))
        {
            datagrams.Add(datagram);
        }
    }

    // A simple packet block belongs to interface 0 and has no timestamp.
    private void AddSimplePacket(ReadOnlyMemory<byte> block, List<UdpDatagram> datagrams)
    {
        if (_interfaces.Count == 0) return;
        var originalLength = (int)ReadUInt32(block.Span[8..], _sectionBigEndian);
        var capturedLength = Math.Min(originalLength, block.Length - 16);
        if (LinkLayer.TryDecodeUdp(_interfaces[0].LinkType, DateTimeOffset.UnixEpoch, block.Slice(12, capturedLength), out var datagram))
        {
            datagrams.Add(datagram);
        }
    }

    // if_tsresol: the low 7 bits are a power of ten, or of two when the high bit is set; absent means microseconds.
    private ulong ReadTimestampResolution(ReadOnlySpan<byte> options)
    {
        while (options.Length >= 4)
        {
            var code = ReadUInt16(options, _sectionBigEndian);
            var length = ReadUInt16(options[2..], _sectionBigEndian);
            if (code == EndOfOptions || options.Length < 4 + length) break;
            if (code == TimestampResolutionOption && length >= 1)
            {
                var resolution = options[4];
                var exponent = resolution & 0x7F;
                if ((resolution & 0x80) != 0) return 1UL << exponent;
                var unitsPerSecond = 1UL;
                for (var i = 0; i < exponent; i++) unitsPerSecond *= 10;
                return unitsPerSecond;
            }
            options = options[(4 + ((length + 3) & ~3))..];
        }
        return 1_000_000;
    }
}
