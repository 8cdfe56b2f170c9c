using System.Net;
using Huawu.Telephony.Sdp;
using static Huawu.Telephony.Tests.Sdp.OfferAnswerFixture;
using static Huawu.Telephony.Tests.Sdp.SdpSamples;

namespace Huawu.Telephony.Tests.Sdp;

/// <summary>We offer and apply the peer's answer (RFC 3264 §5, §7).</summary>
public class AudioOfferTests
{
    [Fact] // RFC 3264 §5: our codecs in preference order, telephone-event 0-16, ptime 20, our address and port
    public void Initial_offer_lists_our_capabilities()
    {
        var offer = CreateEndpoint().CreateOffer();

        Assert.Equal(
            Crlf("""
                v=0
                o=- 4242 1 IN IP4 192.0.2.100
                s=-
                c=IN IP4 192.0.2.100
                t=0 0
                m=audio 40000 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:20
                a=sendrecv
                """),
            offer.ToString());
    }

    [Fact]
    public void Random_session_ids_differ_between_calls()
    {
        var options = new AudioEndpointOptions { Address = IPAddress.Loopback, RtpPort = 40000 };

        var first = new AudioOfferAnswer(options).CreateOffer().Origin.SessionId;
        var second = new AudioOfferAnswer(options).CreateOffer().Origin.SessionId;

        Assert.NotEqual(first, second);
        Assert.True(first < (1UL << 62) && second < (1UL << 62));
    }

    [Fact] // RFC 3264 §7: the offerer uses the first format of the answer
    public void Applying_an_answer_picks_the_answerers_first_codec()
    {
        var endpoint = CreateEndpoint();
        endpoint.CreateOffer();
        var answer = Peer("8 0 101", "a=rtpmap:101 telephone-event/8000\na=ptime:30\na=sendrecv");

        var media = Succeeded(endpoint.ApplyAnswer(answer));

        Assert.Equal(AudioCodec.Pcma, media.Codec);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(30, media.PacketTime);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 30000), media.RemoteRtp);
        Assert.Equal(MediaDirection.SendRecv, media.Direction);
        Assert.Same(answer, endpoint.RemoteDescription);
        Assert.False(endpoint.HasPendingOffer);
    }

    [Fact] // RFC 3264 §6: the answer must answer each offered m= line, in order
    public void An_answer_with_other_lines_is_not_an_answer()
    {
        var endpoint = CreateEndpoint();
        endpoint.CreateOffer();

        var extraLine = endpoint.ApplyAnswer(Peer("0", "m=video 5000 RTP/AVP 99"));
        endpoint.CreateOffer();
        var wrongType = endpoint.ApplyAnswer(Parse(Crlf("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=video 5000 RTP/AVP 99")));

        Assert.Equal(NegotiationFailure.NotAnAnswer, extraLine.Failure);
        Assert.Equal(NegotiationFailure.NotAnAnswer, wrongType.Failure);
        Assert.Null(endpoint.Current);
    }

    [Fact]
    public void Rejected_audio_or_foreign_codecs_mean_no_common_media()
    {
        var endpoint = CreateEndpoint();
        endpoint.CreateOffer();
        var rejected = endpoint.ApplyAnswer(Peer("0", port: 0));
        endpoint.CreateOffer();
        var foreign = endpoint.ApplyAnswer(Peer("18"));

        Assert.Equal(NegotiationFailure.NoCommonMedia, rejected.Failure);
        Assert.Equal(NegotiationFailure.NoCommonMedia, foreign.Failure);
        Assert.Contains("none of our codecs", foreign.Reason, StringComparison.Ordinal);
    }

    [Fact] // RFC 3264 §4: an answer needs an offer
    public void An_answer_without_an_offer_is_refused()
    {
        Assert.Equal(NegotiationFailure.NoOfferPending, CreateEndpoint().ApplyAnswer(Peer("0")).Failure);
    }

    [Fact] // RFC 3264 §4: one offer at a time; a second offer from us is a bug, the peer's offer is glare (491)
    public void Only_one_offer_may_be_outstanding()
    {
        var endpoint = CreateEndpoint();
        endpoint.CreateOffer();

        Assert.Throws<InvalidOperationException>(() => endpoint.CreateOffer());
        var glare = endpoint.CreateAnswer(Parse(Asterisk));

        Assert.Equal(NegotiationFailure.OfferPending, glare.Failure);
        Assert.True(endpoint.HasPendingOffer);
    }

    [Fact] // RFC 3264 §8: a rejected re-offer leaves the old session in force
    public void Abandoned_offer_keeps_the_previous_session()
    {
        var endpoint = CreateEndpoint();
        endpoint.CreateOffer();
        var before = Succeeded(endpoint.ApplyAnswer(Peer("0")));

        endpoint.CreateOffer(hold: true);
        endpoint.AbandonOffer();

        Assert.False(endpoint.HasPendingOffer);
        Assert.False(endpoint.IsHolding);
        Assert.Same(before, endpoint.Current);
        Assert.True(endpoint.CreateAnswer(Parse(Asterisk)).IsSuccess); // and offers from the peer are welcome again
    }

    [Fact] // RFC 3264 §8: a re-offer keeps every earlier m= line; a stream rejected before stays at port 0
    public void Re_offer_after_answering_keeps_rejected_lines_in_place()
    {
        var endpoint = CreateEndpoint();
        Succeeded(endpoint.CreateAnswer(Parse(Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            m=video 5000 RTP/AVP 99
            m=audio 4000 RTP/AVP 0
            """))));

        var reOffer = Parse(endpoint.CreateOffer().ToString());

        Assert.Equal(["video 0 RTP/AVP 99", "audio 40000 RTP/AVP 0 8 101"], reOffer.Media.Select(m => m.MediaLine));
        var media = Succeeded(endpoint.ApplyAnswer(Parse(Crlf("""
            v=0
            o=- 1 2 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            m=video 0 RTP/AVP 99
            m=audio 4002 RTP/AVP 8
            """))));
        Assert.Equal(4002, media.RemoteRtp.Port);
        Assert.Equal(AudioCodec.Pcma, media.Codec);
    }
}
