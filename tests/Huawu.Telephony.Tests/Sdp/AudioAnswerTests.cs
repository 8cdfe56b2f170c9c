using System.Net;
using Huawu.Telephony.Sdp;
using static Huawu.Telephony.Tests.Sdp.OfferAnswerFixture;
using static Huawu.Telephony.Tests.Sdp.SdpSamples;

namespace Huawu.Telephony.Tests.Sdp;

/// <summary>We answer offers from real phones and trunks (RFC 3264 §6).</summary>
public class AudioAnswerTests
{
    [Fact] // RFC 3264 §6.1: the offerer's order decides, so PCMA wins Asterisk's "8 0 3 101"
    public void Answers_Asterisk_with_its_first_common_codec()
    {
        var endpoint = CreateEndpoint();

        var result = endpoint.CreateAnswer(Parse(Asterisk));

        var media = Succeeded(result);
        Assert.Equal(AudioCodec.Pcma, media.Codec);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.10"), 17982), media.RemoteRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.10"), 17983), media.RemoteRtcp); // RFC 3550 §11: port + 1
        Assert.Equal(20, media.PacketTime);
        Assert.Equal(MediaDirection.SendRecv, media.Direction);
        Assert.Equal(40000, media.LocalRtpPort);
        Assert.Same(media, endpoint.Current);

        var line = AudioLineOf(result.Answer!);
        Assert.Equal(["8", "101"], line.Formats);                      // one codec, plus telephone-event
        Assert.Equal(new SdpFmtp("101", "0-16"), line.FindFmtp("101"));
        Assert.Equal(MediaDirection.SendRecv, line.Direction);
        Assert.Equal(40000, line.Port);
        Assert.Equal("c=IN IP4 192.0.2.100", result.Answer!.ToString().Split("\r\n")[3]);
    }

    [Fact] // baresip puts opus and G.722 first; we skip to the first G.711 it lists
    public void Answers_baresip_with_PCMU_after_skipping_what_we_lack()
    {
        var media = Succeeded(CreateEndpoint().CreateAnswer(Parse(Baresip)));

        Assert.Equal(AudioCodec.Pcmu, media.Codec);
        Assert.Equal(101, media.TelephoneEventPayloadType);
    }

    [Fact] // RFC 4733 §7.1.1 + RFC 3605: Linphone's 8 kHz telephone-event is PT 100 and RTCP is on a=rtcp
    public void Answers_Linphone_keeping_its_dynamic_telephone_event_type()
    {
        var result = CreateEndpoint().CreateAnswer(Parse(Linphone));

        var media = Succeeded(result);
        Assert.Equal(AudioCodec.Pcmu, media.Codec);
        Assert.Equal(100, media.TelephoneEventPayloadType);           // not 101 (48 kHz) nor 99 (16 kHz)
        Assert.Equal(7079, media.RemoteRtcp.Port);
        var line = AudioLineOf(result.Answer!);
        Assert.Equal(["0", "100"], line.Formats);
        Assert.Equal(new SdpRtpMap(100, "telephone-event", 8000), line.FindRtpMap(100));
    }

    [Fact]
    public void Answers_FreeSWITCH_with_the_8_kHz_telephone_event()
    {
        var media = Succeeded(CreateEndpoint().CreateAnswer(Parse(FreeSwitch)));

        Assert.Equal(AudioCodec.Pcmu, media.Codec);
        Assert.Equal(101, media.TelephoneEventPayloadType);
    }

    [Fact] // RFC 3264 §5.1: static payload types need no rtpmap; a=ptime:30 is what the trunk wants to receive
    public void Answers_a_trunk_that_sends_no_rtpmap_at_all()
    {
        var result = CreateEndpoint().CreateAnswer(Parse(StaticOnlyTrunk));

        var media = Succeeded(result);
        Assert.Equal(AudioCodec.Pcma, media.Codec);                    // 18 (G.729) is skipped, 8 comes next
        Assert.Null(media.TelephoneEventPayloadType);
        Assert.Equal(30, media.PacketTime);
        Assert.Equal(IPAddress.Parse("192.0.2.81"), media.RemoteRtp.Address); // c=, not the o= address
        Assert.Equal(["8"], AudioLineOf(result.Answer!).Formats);
    }

    [Fact] // RFC 3264 §6: every m= line is answered; video is rejected with port 0 and its formats
    public void Rejects_video_but_answers_its_line()
    {
        var result = CreateEndpoint().CreateAnswer(Parse(AudioVideoIPv6));

        var media = Succeeded(result);
        Assert.Equal(IPAddress.Parse("2001:db8::15"), media.RemoteRtp.Address);
        Assert.Equal(AudioCodec.Pcmu, media.Codec);
        var answer = Parse(result.Answer!.ToString());
        Assert.Equal(2, answer.Media.Count);
        Assert.Equal("video 0 RTP/AVP 99", answer.Media[1].MediaLine);
        Assert.Empty(answer.Media[1].Attributes);
    }

    [Fact] // RFC 4475 "sdp01": audio 0 and 12 plus an LPC video line
    public void Answers_the_RFC_4475_sdp01_offer()
    {
        var message = File.ReadAllText(Huawu.Testing.SharedData.PathOf("testdata/sip/rfc4475/sdp01.dat"));
        var offer = Parse(message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);

        var result = CreateEndpoint().CreateAnswer(offer);

        Assert.Equal(AudioCodec.Pcmu, Succeeded(result).Codec);
        Assert.Equal(0, Parse(result.Answer!.ToString()).Media[1].Port);
    }

    [Fact] // RFC 3264 §6.1: keep the offerer's number even when it maps G.711 to a dynamic type
    public void Keeps_a_dynamic_payload_type_for_PCMU()
    {
        var result = CreateEndpoint().CreateAnswer(Peer("96 97", "a=rtpmap:96 pcmu/8000\na=rtpmap:97 telephone-event/8000"));

        var media = Succeeded(result);
        Assert.Equal(new AudioCodec(96, "PCMU", 8000), media.Codec);
        Assert.Equal(97, media.TelephoneEventPayloadType);
        Assert.Equal(["96", "97"], AudioLineOf(result.Answer!).Formats);
    }

    [Fact] // RFC 4566 §6: never send packets longer than the peer's a=maxptime
    public void Packet_time_respects_maxptime()
    {
        Assert.Equal(10, Succeeded(CreateEndpoint().CreateAnswer(Peer("0", "a=maxptime:10"))).PacketTime);
        Assert.Equal(20, Succeeded(CreateEndpoint().CreateAnswer(Peer("0", "a=ptime:20\na=maxptime:40"))).PacketTime);
    }

    [Fact] // RFC 3605 §2.1: a=rtcp with its own address
    public void Rtcp_attribute_may_move_rtcp_to_another_address()
    {
        var media = Succeeded(CreateEndpoint().CreateAnswer(Peer("0", "a=rtcp:53020 IN IP4 126.16.64.4")));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("126.16.64.4"), 53020), media.RemoteRtcp);
    }

    [Fact]
    public void Without_local_telephone_event_the_answer_leaves_it_out()
    {
        var result = CreateEndpoint(telephoneEvent: null).CreateAnswer(Parse(Asterisk));

        Assert.Null(Succeeded(result).TelephoneEventPayloadType);
        Assert.Equal(["8"], AudioLineOf(result.Answer!).Formats);
    }

    [Fact] // RFC 3264 §6: with one usable audio stream, a second audio stream is rejected
    public void Accepts_only_the_first_usable_audio_stream()
    {
        var offer = Peer("18", "m=audio 30002 RTP/AVP 0\nm=audio 30004 RTP/AVP 8");

        var result = CreateEndpoint().CreateAnswer(offer);

        Assert.Equal(30002, Succeeded(result).RemoteRtp.Port);
        var answer = Parse(result.Answer!.ToString());
        Assert.Equal([0, 40000, 0], answer.Media.Select(m => m.Port));
        Assert.Equal("audio 0 RTP/AVP 18", answer.Media[0].MediaLine);
    }

    public static TheoryData<string, string> Unacceptable() => new()
    {
        { Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 18 9\na=rtpmap:18 G729/8000"), "no codec in common" },
        { SrtpOnly, "RTP/SAVP" },
        { Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=video 4000 RTP/AVP 99"), "no audio" },
        { Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 0 RTP/AVP 0"), "port 0" },
        { Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0"), "c= line" },
        { Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 media.example.com\nt=0 0\nm=audio 4000 RTP/AVP 0"), "c= line" },
        { Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 96\na=rtpmap:96 PCMU/8000/2"), "no codec in common" },
        { Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0"), "no audio" },
    };

    [Theory] // RFC 3261 §13.3.1.3 / RFC 3264 §6: nothing acceptable → 488, and the session stays as it was
    [MemberData(nameof(Unacceptable))]
    public void Unacceptable_offers_fail_with_no_common_media(string offer, string reasonPart)
    {
        var endpoint = CreateEndpoint();

        var result = endpoint.CreateAnswer(Parse(offer));

        Assert.False(result.IsSuccess);
        Assert.Equal(NegotiationFailure.NoCommonMedia, result.Failure);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
        Assert.Null(result.Answer);
        Assert.Null(endpoint.Current);
        Assert.Null(endpoint.LocalDescription);
    }
}
