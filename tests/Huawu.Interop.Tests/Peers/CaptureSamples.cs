using System.Buffers.Binary;

namespace Huawu.Interop.Tests.Peers;

/// <summary>Builds small captures byte by byte, in the formats the capture reader must understand.</summary>
internal static class CaptureSamples
{
    public const string SipTesterPcaps = "/usr/share/sip-tester";

    /// <summary>An Ethernet / IPv4 / UDP frame from 127.0.0.1:<paramref name="sourcePort"/> to 127.0.0.1:<paramref name="destinationPort"/>.</summary>
    public static byte[] UdpFrame(int sourcePort, int destinationPort, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[14 + 20 + 8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + payload.Length));
        ip[8] = 64;
        ip[9] = 17;
        byte[] loopback = [127, 0, 0, 1];
        loopback.CopyTo(ip[12..]);
        loopback.CopyTo(ip[16..]);
        var udp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, (ushort)sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], (ushort)destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + payload.Length));
        payload.CopyTo(udp[8..]);
        return frame;
    }

    /// <summary>An RTP packet (RFC 3550 §5.1) with optional CSRCs, header extension and padding.</summary>
    public static byte[] Rtp(byte payloadType, ushort sequence, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload,
        bool marker = false, int csrcs = 0, int extensionWords = -1, int padding = 0)
    {
        var extension = extensionWords >= 0 ? 4 + 4 * extensionWords : 0;
        var packet = new byte[12 + 4 * csrcs + extension + payload.Length + padding];
        packet[0] = (byte)(0x80 | (padding > 0 ? 0x20 : 0) | (extensionWords >= 0 ? 0x10 : 0) | csrcs);
        packet[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        var offset = 12 + 4 * csrcs;
        if (extensionWords >= 0) BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(offset + 2), (ushort)extensionWords);
        payload.CopyTo(packet.AsSpan(offset + extension));
        if (padding > 0) packet[^1] = (byte)padding;
        return packet;
    }

    /// <summary>A classic pcap file (Ethernet link type) holding the frames, timestamped 1 s + i ms since the epoch.</summary>
    public static byte[] ClassicPcap(IReadOnlyList<byte[]> frames, bool bigEndian, bool nanoseconds)
    {
        using var file = new MemoryStream();
        Write32(file, nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4, bigEndian);
        Write16(file, 2, bigEndian);
        Write16(file, 4, bigEndian);
        Write32(file, 0, bigEndian);
        Write32(file, 0, bigEndian);
        Write32(file, 65535, bigEndian);
        Write32(file, 1, bigEndian);
        for (var i = 0; i < frames.Count; i++)
        {
            Write32(file, 1, bigEndian);
            Write32(file, (uint)(nanoseconds ? i * 1_000_000 : i * 1_000), bigEndian);
            Write32(file, (uint)frames[i].Length, bigEndian);
            Write32(file, (uint)frames[i].Length, bigEndian);
            file.Write(frames[i]);
        }
        return file.ToArray();
    }

    /// <summary>
    /// A little-endian pcapng file: section header, one Ethernet interface with if_tsresol 10^-9, and one
    /// enhanced packet block per frame timestamped 1 s + i ms since the epoch.
    /// </summary>
    public static byte[] PcapNg(IReadOnlyList<byte[]> frames)
    {
        using var file = new MemoryStream();
        Block(file, 0x0A0D0D0A, body => { Write32(body, 0x1A2B3C4D, false); Write16(body, 1, false); Write16(body, 0, false); Write32(body, uint.MaxValue, false); Write32(body, uint.MaxValue, false); });
        Block(file, 1, body =>
        {
            Write16(body, 1, false);
            Write16(body, 0, false);
            Write32(body, 65535, false);
            Write16(body, 9, false);
            Write16(body, 1, false);
            body.Write([9, 0, 0, 0]);
            Write32(body, 0, false);
        });
        for (var i = 0; i < frames.Count; i++)
        {
            var units = 1_000_000_000UL + (ulong)i * 1_000_000;
            var frame = frames[i];
            Block(file, 6, body =>
            {
                Write32(body, 0, false);
                Write32(body, (uint)(units >> 32), false);
                Write32(body, (uint)units, false);
                Write32(body, (uint)frame.Length, false);
                Write32(body, (uint)frame.Length, false);
                body.Write(frame);
                body.Write(new byte[(4 - frame.Length % 4) % 4]);
            });
        }
        return file.ToArray();
    }

    private static void Block(Stream file, uint type, Action<Stream> writeBody)
    {
        using var body = new MemoryStream();
        writeBody(body);
        var length = (uint)(12 + body.Length);
        Write32(file, type, false);
        Write32(file, length, false);
        body.WriteTo(file);
        Write32(file, length, false);
    }

    private static void Write32(Stream stream, uint value, bool bigEndian)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void Write16(Stream stream, ushort value, bool bigEndian)
    {
        Span<byte> bytes = stackalloc byte[2];
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        else BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        stream.Write(bytes);
    }
}
