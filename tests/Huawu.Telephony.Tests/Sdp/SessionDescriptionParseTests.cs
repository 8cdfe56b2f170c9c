using System.Net;
using System.Text;
using Huawu.Telephony.Sdp;
using Huawu.Testing;
using static Huawu.Telephony.Tests.Sdp.SdpSamples;

namespace Huawu.Telephony.Tests.Sdp;

public class SessionDescriptionParseTests
{
    [Fact] // RFC 4566 §5: every field of a typical trunk offer lands where it belongs
    public void Reads_session_and_media_fields()
    {
        var sdp = Parse(Asterisk);

        Assert.Equal(new SdpOrigin("-", 1234567890, 1234567890, new SdpConnection("IN", "IP4", "203.0.113.10")), sdp.Origin);
        Assert.Equal("Asterisk", sdp.SessionName);
        Assert.Equal(new SdpConnection("IN", "IP4", "203.0.113.10"), sdp.Connection);
        Assert.Equal([SdpTiming.Unbounded], sdp.Timings);
        var audio = Assert.Single(sdp.Media);
        Assert.True(audio.IsAudio);
        Assert.Equal(17982, audio.Port);
        Assert.Equal("RTP/AVP", audio.Protocol);
        Assert.Equal(["8", "0", "3", "101"], audio.Formats);
        Assert.Equal(new SdpRtpMap(101, "telephone-event", 8000), audio.FindRtpMap(101));
        Assert.Equal(new SdpFmtp("101", "0-16"), audio.FindFmtp("101"));
        Assert.Equal(20, audio.PacketTime);
        Assert.Equal(150, audio.MaxPacketTime);
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
    }

    [Fact] // RFC 4566 §5.14: b= and the rtpmap channel parameter; RFC 3605 a=rtcp
    public void Reads_bandwidth_channels_and_rtcp()
    {
        var baresip = Parse(Baresip).Media[0];
        var linphone = Parse(Linphone).Media[0];

        Assert.Equal([new SdpBandwidth("AS", 64)], baresip.Bandwidths);
        Assert.Equal(new SdpRtpMap(96, "opus", 48000, "2"), baresip.FindRtpMap(96));
        Assert.Null(baresip.FindRtpMap(0 + 100));
        Assert.Equal(new SdpRtcp(7079), linphone.Rtcp);
        Assert.Null(linphone.Direction);
    }

    [Fact] // RFC 3605 §2.1: the long form names an address too
    public void Reads_rtcp_with_an_address()
    {
        var sdp = Parse(Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            m=audio 49170 RTP/AVP 0
            a=rtcp:53020 IN IP4 126.16.64.4
            """));

        Assert.Equal(new SdpRtcp(53020, new SdpConnection("IN", "IP4", "126.16.64.4")), sdp.Media[0].Rtcp);
    }

    [Fact] // RFC 3264 §5.1: a media-level direction wins over the session's, and sendrecv is the default
    public void Direction_and_connection_fall_back_to_session_level()
    {
        var sdp = Parse(Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            a=sendonly
            m=audio 49170 RTP/AVP 0
            m=audio 49180 RTP/AVP 0
            c=IN IP4 192.0.2.2
            a=inactive
            """));
        var none = Parse(Asterisk.Replace("a=sendrecv\r\n", "", StringComparison.Ordinal));

        Assert.Equal(MediaDirection.SendOnly, sdp.DirectionOf(sdp.Media[0]));
        Assert.Equal(MediaDirection.Inactive, sdp.DirectionOf(sdp.Media[1]));
        Assert.Equal("192.0.2.1", sdp.ConnectionOf(sdp.Media[0])!.Address);
        Assert.Equal("192.0.2.2", sdp.ConnectionOf(sdp.Media[1])!.Address);
        Assert.Equal(MediaDirection.SendRecv, none.DirectionOf(none.Media[0]));
    }

    [Fact] // RFC 4566 §5.7: IPv6 connection addresses
    public void Reads_IPv6_addresses()
    {
        var sdp = Parse(AudioVideoIPv6);

        Assert.True(sdp.Connection!.TryGetIPAddress(out var address));
        Assert.Equal(IPAddress.Parse("2001:db8::15"), address);
        Assert.Equal("IP6", sdp.Origin.Address.AddressType);
        Assert.Equal(2, sdp.Media.Count);
        Assert.False(sdp.Media[1].IsAudio);
    }

    [Fact] // RFC 3264 §8.4: 0.0.0.0 is recognised as the RFC 2543 hold address; host names are kept as text
    public void Recognises_the_unspecified_address()
    {
        Assert.True(Parse(CiscoOldHold).Connection!.IsUnspecified);
        Assert.False(Parse(Asterisk).Connection!.IsUnspecified);
        var named = new SdpConnection("IN", "IP4", "media.example.com");
        Assert.False(named.TryGetIPAddress(out _));
        Assert.False(named.IsUnspecified);
        Assert.True(new SdpConnection("IN", "IP4", "224.2.1.1/127").TryGetIPAddress(out var multicast));
        Assert.Equal(IPAddress.Parse("224.2.1.1"), multicast);
    }

    [Fact] // Real phones: LF-only line ends, trailing whitespace, blank lines, no s= and no t=
    public void Tolerates_common_deviations()
    {
        const string text = "v=0\no=- 7 7 IN IP4 192.0.2.9  \n\nc=IN IP4 192.0.2.9\t\nm=audio 4000 RTP/AVP 0\na=sendrecv \n\n";

        var sdp = Parse(text);

        Assert.Equal("-", sdp.SessionName);
        Assert.Empty(sdp.Timings);
        Assert.Equal("192.0.2.9", sdp.Connection!.Address);
        Assert.Equal(MediaDirection.SendRecv, sdp.Media[0].Direction);
        Assert.Equal(
            "v=0\r\no=- 7 7 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n",
            sdp.ToString());
    }

    [Fact] // RFC 4475 message "sdp01" carries an ordinary audio + video offer; its body must parse
    public void Parses_the_body_of_RFC_4475_sdp01()
    {
        var message = File.ReadAllText(SharedData.PathOf("testdata/sip/rfc4475/sdp01.dat"));
        var body = message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

        var sdp = Parse(body);

        Assert.Equal(["0", "12"], sdp.Media[0].Formats);
        // "a=rtpmap:31 LPC" lacks the clock rate RFC 4566 §6 requires: kept verbatim, but unreadable.
        Assert.Equal(new SdpAttribute("rtpmap", "31 LPC"), Assert.Single(sdp.Media[1].Attributes));
        Assert.Null(sdp.Media[1].FindRtpMap(31));
        Assert.Equal(body, sdp.ToString());
    }

    [Fact] // RFC 4566 §5: the body is UTF-8 text
    public void Parses_UTF_8_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Asterisk.Replace("s=Asterisk", "s=话务", StringComparison.Ordinal));

        Assert.True(SessionDescription.TryParse(bytes, out var sdp, out _));
        Assert.Equal("话务", sdp.SessionName);
        Assert.Equal(bytes, sdp.ToUtf8());
    }
}
