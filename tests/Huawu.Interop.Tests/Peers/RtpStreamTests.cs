using System.Net;
using Huawu.Testing.Peers.Wire;

namespace Huawu.Interop.Tests.Peers;

public sealed class RtpStreamTests
{
    private static readonly IPEndPoint Sender = new(IPAddress.Loopback, 40000), Receiver = new(IPAddress.Loopback, 40002);

    [Fact]
    public void Parses_the_fixed_header_and_skips_csrcs_extension_and_padding()
    {
        var datagram = Datagram(CaptureSamples.Rtp(8, 513, 0x01020304, 0xDEADBEEF, [9, 8, 7], marker: true, csrcs: 2, extensionWords: 1, padding: 3));

        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        Assert.True(packet.Marker);
        Assert.Equal(8, packet.PayloadType);
        Assert.Equal(513, packet.SequenceNumber);
        Assert.Equal(0x01020304u, packet.Timestamp);
        Assert.Equal(0xDEADBEEFu, packet.Ssrc);
        Assert.Equal([9, 8, 7], packet.Payload.ToArray());
    }

    [Theory]
    [InlineData(200)] // sender report
    [InlineData(201)] // receiver report
    [InlineData(203)] // BYE
    public void Rtcp_sharing_the_port_is_not_taken_for_rtp(byte rtcpPacketType)
    {
        // RFC 5761 §4: RTCP packet types 200-204 sit where RTP's marker bit and payload types 72-76 would be.
        var rtcp = new byte[8];
        rtcp[0] = 0x80;
        rtcp[1] = rtcpPacketType;

        Assert.False(RtpPacket.TryParse(Datagram(rtcp), out _));
    }

    [Fact]
    public void Not_version_2_is_not_rtp()
    {
        var packet = CaptureSamples.Rtp(0, 1, 1, 1, [0]);
        packet[0] = 0x40;

        Assert.False(RtpPacket.TryParse(Datagram(packet), out _));
    }

    [Fact]
    public void Sequence_wrapping_from_65535_to_0_is_not_loss()
    {
        var stream = Stream(65533, 65534, 65535, 0, 1, 2);

        Assert.Empty(stream.Gaps());
        Assert.Equal(0, stream.Lost);
    }

    [Fact]
    public void Missing_sequence_numbers_are_reported_as_gaps_even_across_a_wrap()
    {
        var stream = Stream(10, 11, 13, 14, 18);
        var wrapping = Stream(65533, 65535, 2);

        Assert.Equal([new SequenceGap(11, 1), new SequenceGap(14, 3)], stream.Gaps());
        // RFC 3550 §A.1: 2 follows 65535 in the next cycle, so only 65534, 0 and 1 are missing.
        Assert.Equal([new SequenceGap(65533, 1), new SequenceGap(65535, 2)], wrapping.Gaps());
        Assert.Equal(3, wrapping.Lost);
    }

    [Fact]
    public void Duplicates_and_reordering_are_not_loss_and_the_payload_follows_sequence_order()
    {
        var stream = Stream(5, 7, 6, 7, 8);

        Assert.Empty(stream.Gaps());
        Assert.Equal(1, stream.Duplicates);
        Assert.Equal([5, 6, 7, 8], stream.Payload(0));
    }

    [Fact]
    public void Telephone_events_are_grouped_by_timestamp_with_their_longest_duration_and_end_bit()
    {
        // RFC 4733 §2.3: event, E|R|volume, duration. Digit 5 over three updates then end; then '#'.
        var streams = RtpStreams.From(
        [
            Datagram(CaptureSamples.Rtp(101, 1, 800, 7, [5, 10, 0, 160], marker: true)),
            Datagram(CaptureSamples.Rtp(101, 2, 800, 7, [5, 10, 1, 64])),
            Datagram(CaptureSamples.Rtp(101, 3, 800, 7, [5, 0x80 | 10, 3, 32])),
            Datagram(CaptureSamples.Rtp(101, 4, 800, 7, [5, 0x80 | 10, 3, 32])),
            Datagram(CaptureSamples.Rtp(101, 5, 2400, 7, [11, 0x80 | 10, 1, 0])),
        ]);

        var events = Assert.Single(streams).TelephoneEvents(101);
        Assert.Equal(2, events.Count);
        Assert.Equal(new TelephoneEvent(5, 800, 800, Ended: true, Volume: 10, Packets: 4), events[0]);
        Assert.Equal('5', events[0].Digit);
        Assert.Equal('#', events[1].Digit);
    }

    [Fact]
    public void Streams_are_split_by_direction_and_ssrc()
    {
        var streams = RtpStreams.From(
        [
            new UdpDatagram(DateTimeOffset.UnixEpoch, Sender, Receiver, CaptureSamples.Rtp(0, 1, 0, 1, [0])),
            new UdpDatagram(DateTimeOffset.UnixEpoch, Receiver, Sender, CaptureSamples.Rtp(0, 1, 0, 2, [0])),
            new UdpDatagram(DateTimeOffset.UnixEpoch, Sender, Receiver, CaptureSamples.Rtp(101, 1, 0, 3, [1, 0, 0, 0])),
            new UdpDatagram(DateTimeOffset.UnixEpoch, Sender, Receiver, "SIP/2.0 200 OK"u8.ToArray()),
        ]);

        Assert.Equal(3, streams.Count);
        Assert.Equal(2, streams.SentFrom(Sender.Port).Count);
        Assert.Single(streams.SentTo(Sender.Port));
        Assert.Equal(3u, Assert.Single(streams.Carrying(101)).Ssrc);
    }

    [Fact]
    public void An_echo_is_found_at_its_delay()
    {
        var sent = new byte[1600];
        new Random(7).NextBytes(sent);
        var received = new byte[400].Concat(sent).ToArray();
        Array.Fill(received, (byte)0xFF, 0, 400);

        var match = EchoMatch.Find(sent, received);

        Assert.Equal(1.0, match.FoundFraction);
        Assert.Equal(400, match.DelayBytes);
        Assert.Equal(10, match.WindowsAtDelay);
    }

    [Fact]
    public void Unrelated_audio_and_silence_are_not_an_echo()
    {
        var sent = new byte[1600];
        new Random(7).NextBytes(sent);
        var other = new byte[1600];
        new Random(8).NextBytes(other);
        var silence = Enumerable.Repeat((byte)0xFF, 1600).ToArray();

        Assert.Equal(0, EchoMatch.Find(sent, other).WindowsFound);
        Assert.Equal(0, EchoMatch.Find(silence, silence).WindowsTried);
    }

    private static UdpDatagram Datagram(byte[] payload) => new(DateTimeOffset.UnixEpoch, Sender, Receiver, payload);

    private static RtpStream Stream(params ushort[] sequenceNumbers) =>
        Assert.Single(RtpStreams.From(sequenceNumbers.Select(s => Datagram(CaptureSamples.Rtp(0, s, s * 160u, 42, [(byte)s])))));
}
