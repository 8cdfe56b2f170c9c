using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Peers;

public sealed class PcapReaderTests
{
    private static readonly byte[][] Frames =
    [
        CaptureSamples.UdpFrame(5060, 5070, "INVITE"u8),
        CaptureSamples.UdpFrame(40000, 40002, CaptureSamples.Rtp(0, 7, 160, 0xCAFE, [1, 2, 3])),
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Classic_pcap_in_either_byte_order_and_resolution_yields_the_udp_datagrams(bool bigEndian, bool nanoseconds)
    {
        var datagrams = Read(CaptureSamples.ClassicPcap(Frames, bigEndian, nanoseconds));

        AssertSampleDatagrams(datagrams);
    }

    [Fact]
    public void Pcapng_with_nanosecond_interface_resolution_yields_the_udp_datagrams()
    {
        AssertSampleDatagrams(Read(CaptureSamples.PcapNg(Frames)));
    }

    [Fact]
    public void A_record_still_being_written_is_returned_once_it_is_complete()
    {
        var file = CaptureSamples.PcapNg(Frames);
        var cut = file.Length - 10;
        using var growing = new MemoryStream();
        growing.Write(file.AsSpan(0, cut));
        growing.Position = 0;
        var reader = new PcapReader(growing);

        var first = reader.ReadAvailable();
        var position = growing.Position;
        growing.Write(file.AsSpan(cut));
        growing.Position = position;
        var second = reader.ReadAvailable();

        Assert.Single(first);
        Assert.Single(second);
        Assert.Equal(40002, second[0].Destination.Port);
    }

    [Fact]
    public void Sipp_g711a_pcap_is_7_seconds_of_gapless_30_ms_pcma()
    {
        var datagrams = PcapReader.ReadFile(Path.Combine(CaptureSamples.SipTesterPcaps, "g711a.pcap"));

        var stream = Assert.Single(RtpStreams.From(datagrams));
        Assert.Equal(236, stream.Packets.Count);
        Assert.Equal([(byte)8], stream.PayloadTypes);
        Assert.Empty(stream.Gaps());
        Assert.All(stream.Packets, p => Assert.Equal(240, p.Payload.Length));
        Assert.Equal(236 * 240, stream.Payload(8).Length);
        Assert.InRange(stream.Duration.TotalSeconds, 7.0, 7.1);
    }

    [Fact]
    public void Sipp_dtmf_pcap_is_one_ended_rfc4733_event_for_digit_1()
    {
        var datagrams = PcapReader.ReadFile(Path.Combine(CaptureSamples.SipTesterPcaps, "dtmf_2833_1.pcap"));

        var stream = Assert.Single(RtpStreams.From(datagrams));
        var dtmf = Assert.Single(stream.TelephoneEvents(101));
        Assert.Equal('1', dtmf.Digit);
        Assert.True(dtmf.Ended);
        // RFC 4733 §2.5.1.4: the end packet is sent three times, here with one sequence number.
        Assert.Equal(10, dtmf.Packets);
        Assert.Equal(2, stream.Duplicates);
        Assert.Empty(stream.Gaps());
    }

    private static IReadOnlyList<UdpDatagram> Read(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return new PcapReader(stream).ReadAvailable();
    }

    private static void AssertSampleDatagrams(IReadOnlyList<UdpDatagram> datagrams)
    {
        Assert.Equal(2, datagrams.Count);
        Assert.Equal(5060, datagrams[0].Source.Port);
        Assert.Equal(5070, datagrams[0].Destination.Port);
        Assert.Equal("INVITE"u8.ToArray(), datagrams[0].Payload.ToArray());
        Assert.Equal("127.0.0.1", datagrams[1].Source.Address.ToString());
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1).AddMilliseconds(1), datagrams[1].Timestamp);
        Assert.True(RtpPacket.TryParse(datagrams[1], out var rtp));
        Assert.Equal(7, rtp.SequenceNumber);
        Assert.Equal([1, 2, 3], rtp.Payload.ToArray());
    }
}
