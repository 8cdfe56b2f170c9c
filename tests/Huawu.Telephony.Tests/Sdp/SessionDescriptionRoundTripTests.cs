using Huawu.Telephony.Sdp;
using static Huawu.Telephony.Tests.Sdp.SdpSamples;

namespace Huawu.Telephony.Tests.Sdp;

public class SessionDescriptionRoundTripTests
{
    public static TheoryData<string> RealBodies() =>
        [Baresip, Linphone, Asterisk, FreeSwitch, StaticOnlyTrunk, CiscoOldHold, AudioVideoIPv6, SrtpOnly];

    [Theory] // unknown attributes and every line are kept, in order, so a proxy-like hop changes nothing
    [MemberData(nameof(RealBodies))]
    public void Real_bodies_round_trip_byte_for_byte(string text)
    {
        Assert.Equal(text, Parse(text).ToString());
    }

    [Fact] // RFC 4566 §5: every line type in its place, including the rarely used ones
    public void Every_line_type_round_trips()
    {
        var text = Crlf("""
            v=0
            o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
            s=SDP Seminar
            i=A Seminar on the session description protocol
            u=http://www.example.com/seminars/sdp.pdf
            e=j.doe@example.com (Jane Doe)
            p=+1 617 555-6011
            c=IN IP4 224.2.17.12/127
            b=CT:128
            t=2873397496 2873404696
            r=7d 1h 0 25h
            z=2882844526 -1h 2898848070 0
            k=prompt
            a=recvonly
            m=audio 49170 RTP/AVP 0
            i=the voice
            b=AS:80
            k=clear:secret
            a=x-unknown
            a=empty-value:
            m=video 51372/2 RTP/AVP 99
            a=rtpmap:99 h263-1998/90000
            m=application 0 udp
            """);

        var sdp = Parse(text);

        Assert.Equal(text, sdp.ToString());
        Assert.Equal(2, sdp.Media[1].PortCount);
        Assert.Equal(new SdpAttribute("empty-value", ""), sdp.Media[0].Attributes[^1]);
        Assert.Equal(new SdpAttribute("x-unknown"), sdp.Media[0].Attributes[0]);
        Assert.Equal(['u', 'e', 'p', 'r', 'z', 'k'], sdp.OtherLines.Select(l => l.Type));
        Assert.Equal(new SdpLine('k', "clear:secret"), Assert.Single(sdp.Media[0].OtherLines));
        Assert.Empty(sdp.Media[2].Formats);
    }

    [Fact] // RFC 4566 §5.3: an empty session name is written as "s= "
    public void Empty_session_name_is_written_as_a_space()
    {
        var sdp = Parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns= \r\nt=0 0\r\n");

        Assert.Equal("", sdp.SessionName);
        Assert.Contains("\r\ns= \r\n", sdp.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Built_descriptions_serialize_in_RFC_order()
    {
        var description = new SessionDescription
        {
            Origin = new SdpOrigin("-", 42, 7, new SdpConnection("IN", "IP4", "192.0.2.1")),
            Attributes = [new SdpAttribute("sendrecv")],
            Media =
            [
                new MediaDescription
                {
                    Media = "audio",
                    Port = 4000,
                    Protocol = "RTP/AVP",
                    Formats = ["0"],
                    Attributes = [new SdpRtpMap(0, "PCMU", 8000).ToAttribute(), new SdpAttribute("rtcp", new SdpRtcp(4001).ToString())],
                },
            ],
        };

        Assert.Equal(
            "v=0\r\no=- 42 7 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\na=sendrecv\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=rtcp:4001\r\n",
            description.ToString());
    }
}
