using System.Buffers.Binary;

namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// Reads the UDP datagrams of a capture file, classic pcap or pcapng (what dumpcap and tshark write by
/// default), either whole or incrementally while the capture is still being written: <see cref="ReadAvailable"/>
/// returns the datagrams of every record completed since the last call and leaves a partly written record for
/// the next one. Frames that are not UDP over IPv4/IPv6 are skipped.
/// </summary>
public sealed partial class PcapReader
{
    private readonly Stream _stream;
    private byte[] _pending = [];
    private Format _format;

    private enum Format { Unknown, Classic, Next }

    public PcapReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>All UDP datagrams of a complete capture file (a truncated last record is ignored).</summary>
    public static IReadOnlyList<UdpDatagram> ReadFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new PcapReader(file).ReadAvailable();
    }

    /// <summary>The UDP datagrams of the records completed in the stream since the previous call.</summary>
    public IReadOnlyList<UdpDatagram> ReadAvailable()
    {
        var data = Append(_pending);
        var datagrams = new List<UdpDatagram>();
        var consumed = 0;
        while (true)
        {
            var used = ParseNext(data.AsMemory(consumed), datagrams);
            if (used == 0) break;
            consumed += used;
        }
        _pending = data[consumed..];
        return datagrams;
    }

    // Returns the bytes one header or record used, 0 when it is not complete yet.
    private int ParseNext(ReadOnlyMemory<byte> data, List<UdpDatagram> datagrams)
    {
        if (_format == Format.Unknown)
        {
            if (data.Length < 4) return 0;
            _format = BinaryPrimitives.ReadUInt32LittleEndian(data.Span) == SectionHeaderBlock ? Format.Next : Format.Classic;
        }
        return _format == Format.Classic ? ParseClassic(data, datagrams) : ParseNextGeneration(data, datagrams);
    }

    // Each call gets a fresh array holding the leftover and the new bytes, so the datagrams handed out
    // can keep slicing it.
    private byte[] Append(byte[] leftover)
    {
        using var buffer = new MemoryStream();
        buffer.Write(leftover);
        _stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> span, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);

    private static ushort ReadUInt16(ReadOnlySpan<byte> span, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);

    private static DateTimeOffset FromUnixUnits(ulong units, ulong unitsPerSecond) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)((UInt128)units * TimeSpan.TicksPerSecond / unitsPerSecond));
}
