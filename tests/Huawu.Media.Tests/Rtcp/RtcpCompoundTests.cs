using System.Text;
using Huawu.Media.Rtcp;

namespace Huawu.Media.Tests.Rtcp;

/// <summary>RFC 3550 §6.4 (SR, RR), §6.5 (SDES CNAME), §6.6 (BYE), §6.1 compound rules and §A.2 validity checks.</summary>
public sealed class RtcpCompoundTests
{
    private static readonly RtcpReportBlock Block = new(0xAABBCCDD, 64, -5, 0x0001_0010, 123, 0x1234_5678, 65536);

    [Fact]
    public void A_sender_report_with_sdes_and_bye_round_trips()
    {
        var buffer = new byte[512];
        var writer = new RtcpCompoundWriter(buffer);
        var info = new RtcpSenderInfo(0x1122334455667788, 160_000, 50, 8000);
        Assert.True(writer.TryWriteSenderReport(0x01020304, info, [Block, Block with { Ssrc = 7, CumulativeLost = 0x7FFFFF }]));
        Assert.True(writer.TryWriteCanonicalName(0x01020304, "huawu@node-1"u8));
        Assert.True(writer.TryWriteGoodbye([0x01020304], "call ended"u8));
        Assert.Equal(0, writer.Length % 4);

        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(buffer.AsSpan(0, writer.Length), out var reader));
        Assert.True(reader.TryReadNext(out var sr));
        Assert.Equal(RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0x01020304u, sr.Ssrc);
        Assert.Equal(info, sr.SenderInfo);
        Assert.Equal(2, sr.Count);
        Assert.Equal(Block, sr.GetReportBlock(0));
        Assert.Equal(0x7FFFFF, sr.GetReportBlock(1).CumulativeLost);

        Assert.True(reader.TryReadNext(out var sdes));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes.Type);
        Assert.True(sdes.TryGetCanonicalName(out var ssrc, out var cname));
        Assert.Equal(0x01020304u, ssrc);
        Assert.Equal("huawu@node-1", Encoding.UTF8.GetString(cname));

        Assert.True(reader.TryReadNext(out var bye));
        Assert.Equal(RtcpPacketType.Goodbye, bye.Type);
        Assert.Equal(0x01020304u, bye.GetGoodbyeSsrc(0));
        Assert.Equal("call ended", Encoding.UTF8.GetString(bye.GoodbyeReason));
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void A_receiver_report_is_laid_out_as_section_6_4_2_says()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(0x0A0B0C0D, [Block]));
        byte[] expected =
        [
            0x81, 201, 0x00, 0x07, // V=2, RC=1, RR, length 7 words after the first
            0x0A, 0x0B, 0x0C, 0x0D,
            0xAA, 0xBB, 0xCC, 0xDD,
            64, 0xFF, 0xFF, 0xFB, // fraction 64/256, cumulative −5 as 24-bit two's complement
            0x00, 0x01, 0x00, 0x10,
            0, 0, 0, 123,
            0x12, 0x34, 0x56, 0x78,
            0x00, 0x01, 0x00, 0x00,
        ];
        Assert.Equal(expected, buffer.AsSpan(0, writer.Length).ToArray());
    }

    [Fact]
    public void An_empty_receiver_report_and_a_long_cname_fit_word_boundaries()
    {
        var buffer = new byte[400];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(9, []));
        // 4 + 2 + 2 bytes + null: the item ends exactly on a word and needs a whole word of nulls after it.
        Assert.True(writer.TryWriteCanonicalName(9, "ab"u8));
        Assert.Equal(8 + 16, writer.Length);
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(buffer.AsSpan(0, writer.Length), out var reader));
        reader.TryReadNext(out var rr);
        Assert.Equal(0, rr.Count);
        reader.TryReadNext(out var sdes);
        Assert.True(sdes.TryGetCanonicalName(out _, out var cname));
        Assert.Equal("ab", Encoding.ASCII.GetString(cname));
    }

    [Fact]
    public void A_full_buffer_refuses_a_packet_without_writing_it()
    {
        var buffer = new byte[30];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(1, []));
        Assert.False(writer.TryWriteReceiverReport(1, [Block]));
        Assert.Equal(8, writer.Length);
    }

    [Fact]
    public void Compound_packets_breaking_section_A2_are_rejected()
    {
        var buffer = new byte[128];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(1, [Block]);
        writer.TryWriteCanonicalName(1, "x"u8);
        var valid = buffer.AsSpan(0, writer.Length).ToArray();
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(valid, out _));

        Assert.Equal(RtcpParseStatus.TooShort, RtcpCompoundReader.TryCreate(valid.AsSpan(0, 6), out _));
        Assert.Equal(RtcpParseStatus.FirstNotReport, RtcpCompoundReader.TryCreate(valid.AsSpan(32), out _));

        var badVersion = (byte[])valid.Clone();
        badVersion[32] = (byte)((badVersion[32] & 0x3F) | 0x40);
        Assert.Equal(RtcpParseStatus.BadVersion, RtcpCompoundReader.TryCreate(badVersion, out _));

        var badLength = (byte[])valid.Clone();
        badLength[3] = 20; // the RR now claims to run past the end of the datagram
        Assert.Equal(RtcpParseStatus.BadLength, RtcpCompoundReader.TryCreate(badLength, out _));

        var paddedFirst = (byte[])valid.Clone();
        paddedFirst[0] |= 0x20;
        Assert.Equal(RtcpParseStatus.BadPadding, RtcpCompoundReader.TryCreate(paddedFirst, out _));

        var overCount = (byte[])valid.Clone();
        overCount[0] = 0x82; // two report blocks claimed, one present
        Assert.Equal(RtcpParseStatus.BadCount, RtcpCompoundReader.TryCreate(overCount, out _));
    }

    [Fact]
    public void Padding_on_the_last_packet_is_excluded_from_its_body()
    {
        byte[] packet =
        [
            0x80, 201, 0, 1, 0, 0, 0, 5, // RR, no blocks
            0xA1, 203, 0, 2, 0, 0, 0, 5, 0, 0, 0, 4, // BYE for SSRC 5, four octets of padding
        ];
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(packet, out var reader));
        reader.TryReadNext(out _);
        reader.TryReadNext(out var bye);
        Assert.Equal(4, bye.Body.Length);
        Assert.Equal(5u, bye.GetGoodbyeSsrc(0));
        Assert.True(bye.GoodbyeReason.IsEmpty);
    }

    [Fact]
    public void Ntp_timestamps_count_from_1900_and_compact_forms_are_16_16()
    {
        var unixEpoch = NtpTimestamp.FromDateTime(DateTimeOffset.UnixEpoch);
        Assert.Equal(2_208_988_800UL << 32, unixEpoch);
        var time = new DateTimeOffset(2026, 1, 5, 9, 0, 0, 500, TimeSpan.Zero);
        var ntp = NtpTimestamp.FromDateTime(time);
        Assert.Equal(0x8000_0000UL, ntp & 0xFFFF_FFFF);
        Assert.Equal(time, NtpTimestamp.ToDateTime(ntp));
        Assert.Equal((uint)(ntp >> 16), new RtcpSenderInfo(ntp, 0, 0, 0).CompactNtp);
        Assert.Equal(98304u, NtpTimestamp.ToCompactDuration(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), NtpTimestamp.FromCompactDuration(98304));
    }
}
