using FsCheck;
using FsCheck.Fluent;
using Huawu.Media.Rtp;

namespace Huawu.Media.Tests.Rtp;

/// <summary>RFC 3550 §5.1 fixed header, §5.3.1 extension, padding; validity checks of §A.1.</summary>
public sealed class RtpPacketViewTests
{
    private static readonly byte[] FullPacket =
    [
        0xB2, 0xE0, 0x12, 0x34, // V=2 P=1 X=1 CC=2 | M=1 PT=96 | seq 0x1234
        0xDE, 0xAD, 0xBE, 0xEF, // timestamp
        0x01, 0x02, 0x03, 0x04, // SSRC
        0x00, 0x00, 0x00, 0x0A, // CSRC 1
        0x00, 0x00, 0x00, 0x0B, // CSRC 2
        0xBE, 0xDE, 0x00, 0x01, // extension: profile 0xBEDE, one word
        0x11, 0x22, 0x33, 0x44, // extension data
        0xAA, 0xBB, 0xCC,       // payload
        0x00, 0x00, 0x03,       // 3 octets of padding, the last one counting them
    ];

    [Fact]
    public void Every_field_of_a_full_header_is_read()
    {
        Assert.Equal(RtpParseStatus.Ok, RtpPacketView.TryParse(FullPacket, out var packet));
        Assert.True(packet.HasPadding);
        Assert.True(packet.HasExtension);
        Assert.True(packet.Marker);
        Assert.Equal(96, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, packet.Timestamp);
        Assert.Equal(0x01020304u, packet.Ssrc);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(0x0Au, packet.GetCsrc(0));
        Assert.Equal(0x0Bu, packet.GetCsrc(1));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0x44 }, packet.ExtensionData.ToArray());
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC }, packet.Payload.ToArray());
        Assert.Equal(3, packet.PaddingLength);
    }

    [Fact]
    public void A_minimal_header_has_an_empty_extension_and_the_rest_as_payload()
    {
        byte[] bytes = [0x80, 0x00, 0, 1, 0, 0, 0, 160, 0, 0, 0, 7, 0xFF, 0xFF];
        Assert.Equal(RtpParseStatus.Ok, RtpPacketView.TryParse(bytes, out var packet));
        Assert.False(packet.Marker);
        Assert.Equal(0, packet.PayloadType);
        Assert.Equal(0, packet.ExtensionProfile);
        Assert.True(packet.ExtensionData.IsEmpty);
        Assert.Equal(2, packet.Payload.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.TooShort)]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpParseStatus.BadVersion)]
    [InlineData(new byte[] { 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 }, RtpParseStatus.TruncatedCsrcList)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE }, RtpParseStatus.TruncatedExtension)]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 }, RtpParseStatus.TruncatedExtension)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 0 }, RtpParseStatus.BadPadding)]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 3 }, RtpParseStatus.BadPadding)]
    public void Malformed_packets_are_rejected_with_a_reason(byte[] bytes, RtpParseStatus expected)
    {
        Assert.Equal(expected, RtpPacketView.TryParse(bytes, out _));
    }

    [Fact]
    public void Padding_may_fill_the_whole_space_after_the_header()
    {
        byte[] bytes = [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2];
        Assert.Equal(RtpParseStatus.Ok, RtpPacketView.TryParse(bytes, out var packet));
        Assert.True(packet.Payload.IsEmpty);
    }

    [Fact]
    public void Written_headers_parse_back_to_the_same_fields()
    {
        Prop.ForAll<ushort, uint, uint>((seq, ts, ssrc) =>
        {
            // Derive the small fields from the random ones so every combination gets exercised.
            var marker = (ts & 1) != 0;
            var csrcCount = seq % 16;
            var header = new RtpHeader((byte)(ssrc & 0x7F), seq, ts, ssrc, marker);
            var csrcs = Enumerable.Range(1, csrcCount).Select(i => (uint)i * 0x01010101u).ToArray();
            byte[] extension = (ssrc >> 8) % 3 == 0 ? [] : [1, 2, 3, 4, 5, 6, 7, 8];
            var buffer = new byte[200];
            var length = RtpPacketWriter.WriteHeader(buffer, header, csrcs, 0x1000, extension);
            buffer[length] = 0x42;
            var status = RtpPacketView.TryParse(buffer.AsSpan(0, length + 1), out var packet);
            return status == RtpParseStatus.Ok
                && packet.PayloadType == header.PayloadType && packet.SequenceNumber == seq && packet.Timestamp == ts
                && packet.Ssrc == ssrc && packet.Marker == marker && packet.CsrcCount == csrcs.Length
                && CsrcsMatch(packet, csrcs)
                && packet.HasExtension == (extension.Length > 0) && packet.ExtensionData.SequenceEqual(extension)
                && packet.Payload.Length == 1 && packet.Payload[0] == 0x42;
        }).QuickCheckThrowOnFailure();
    }

    private static bool CsrcsMatch(RtpPacketView packet, uint[] csrcs)
    {
        for (var i = 0; i < csrcs.Length; i++)
        {
            if (packet.GetCsrc(i) != csrcs[i]) return false;
        }
        return true;
    }

    [Fact]
    public void A_plain_header_is_twelve_bytes_in_network_order()
    {
        var buffer = new byte[12];
        Assert.Equal(12, RtpPacketWriter.WriteHeader(buffer, new RtpHeader(8, 0xABCD, 0x01020304, 0xCAFEBABE, Marker: true)));
        Assert.Equal(new byte[] { 0x80, 0x88, 0xAB, 0xCD, 1, 2, 3, 4, 0xCA, 0xFE, 0xBA, 0xBE }, buffer);
    }
}
