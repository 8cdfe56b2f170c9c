using System.Buffers.Binary;

namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// Writes PCMU audio as a capture SIPp can play (<c>play_pcap_audio</c>): classic pcap, Ethernet frames, IPv4/UDP, one
/// RTP packet (RFC 3550 §5.1) of PCMU (payload type 0, RFC 3551) per 20 ms, timestamps and sequence numbers running on,
/// the marker on the first packet only (one talkspurt, RFC 3551 §4.1). SIPp replays the packets with their capture timing,
/// to the far end's media port. The codes come encoded (Huawu.Media's G.711, which this kit does not reference); a last
/// partial frame is padded with µ-law silence.
/// </summary>
public static class RtpPcapWriter
{
    private const int Frame = 160;
    private const int HeaderBytes = 14 + 20 + 8 + 12;

    /// <summary>µ-law's code for a zero sample (G.711 inverts the bits of the positive zero segment).</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>Writes <paramref name="pcmu"/> (8 kHz µ-law codes, one byte per sample) to <paramref name="path"/>.</summary>
    /// <param name="firstSequence">The first packet's sequence number. Several captures played into one call are one source
    /// (SIPp sends them as written, with one SSRC): each later talkspurt must go on from the sequence numbers and timestamps
    /// of the one before (RFC 3550 §5.1), or the receiver drops it as old or duplicate packets.</param>
    /// <param name="firstTimestamp">The first packet's RTP timestamp (8 kHz units).</param>
    public static void WritePcmu(string path, ReadOnlySpan<byte> pcmu, ushort firstSequence = 0, uint firstTimestamp = 0)
    {
        using var file = File.Create(path);
        Span<byte> global = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(global, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(global[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(global[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(global[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(global[20..], 1); // LINKTYPE_ETHERNET
        file.Write(global);
        var packet = new byte[16 + HeaderBytes + Frame];
        for (var n = 0; n * Frame < pcmu.Length; n++)
        {
            Write(packet, n, (ushort)(firstSequence + n), firstTimestamp + (uint)(n * Frame), pcmu.Slice(n * Frame, Math.Min(Frame, pcmu.Length - (n * Frame))));
            file.Write(packet);
        }
    }

    private static void Write(byte[] packet, int n, ushort sequence, uint timestamp, ReadOnlySpan<byte> codes)
    {
        var span = packet.AsSpan();
        span.Clear();
        var micros = (long)n * 20_000;
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)(1_700_000_000 + (micros / 1_000_000)));
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(micros % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], HeaderBytes + Frame);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], HeaderBytes + Frame);
        var ethernet = span[16..];
        ethernet[5] = 2;
        ethernet[11] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(ethernet[12..], 0x0800);
        var ip = ethernet[14..];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], 20 + 8 + 12 + Frame);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)n);
        ip[8] = 64;
        ip[9] = 17;
        ip[12] = 127;
        ip[15] = 1;
        ip[16] = 127;
        ip[19] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip[..20]));
        var udp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, 6000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 6002);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], 8 + 12 + Frame);
        var rtp = udp[8..];
        rtp[0] = 0x80;
        rtp[1] = (byte)(n == 0 ? 0x80 : 0x00); // PT 0, the marker on the talkspurt's first packet (RFC 3551 §4.1)
        BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], 0x48554157);
        var payload = rtp[12..];
        payload.Fill(MuLawSilence);
        codes.CopyTo(payload);
    }

    /// <summary>The IPv4 header checksum (RFC 791 §3.1): the ones' complement of the ones' complement sum of its 16-bit words.</summary>
    private static ushort Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (var i = 0; i < header.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }
}
