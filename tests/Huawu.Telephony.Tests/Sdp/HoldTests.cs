using Huawu.Telephony.Sdp;
using static Huawu.Telephony.Tests.Sdp.OfferAnswerFixture;
using static Huawu.Telephony.Tests.Sdp.SdpSamples;

namespace Huawu.Telephony.Tests.Sdp;

/// <summary>Hold and resume in both roles: RFC 3264 §8.4 and RFC 6337 §5.</summary>
public class HoldTests
{
    [Theory] // RFC 3264 §6.1: the answer's direction mirrors the offer's
    [InlineData("sendrecv", MediaDirection.SendRecv)]
    [InlineData("sendonly", MediaDirection.RecvOnly)]  // the peer holds us: we only receive (its music on hold)
    [InlineData("recvonly", MediaDirection.SendOnly)]
    [InlineData("inactive", MediaDirection.Inactive)]
    public void Answer_mirrors_the_offered_direction(string offered, MediaDirection answered)
    {
        var result = Established().CreateAnswer(Peer("0 101", $"a=rtpmap:101 telephone-event/8000\na={offered}", version: 2));

        Assert.Equal(answered, Succeeded(result).Direction);
        Assert.Equal(answered, AudioLineOf(result.Answer!).Direction);
    }

    [Fact] // RFC 3264 §8.4: "0.0.0.0 … means that neither RTP nor RTCP should be sent to the peer"
    public void Old_style_hold_with_the_zero_address_stops_our_sending()
    {
        var endpoint = Established();

        var result = endpoint.CreateAnswer(Parse(CiscoOldHold));

        var media = Succeeded(result);
        Assert.Equal(MediaDirection.RecvOnly, media.Direction);
        Assert.False(media.CanSend);
        Assert.True(media.CanReceive);
        Assert.Equal(MediaDirection.RecvOnly, AudioLineOf(result.Answer!).Direction);
        Assert.Equal("192.0.2.100", Parse(result.Answer!.ToString()).Connection!.Address); // our answer keeps our real address

        var resumed = Succeeded(endpoint.CreateAnswer(Parse(CiscoOldHold.Replace("c=IN IP4 0.0.0.0", "c=IN IP4 192.0.2.50", StringComparison.Ordinal))));
        Assert.Equal(MediaDirection.SendRecv, resumed.Direction);
    }

    [Fact] // RFC 3264 §8.4: a sendrecv stream is held by offering sendonly; the answer says recvonly
    public void We_hold_and_resume()
    {
        var endpoint = Established();

        var holdOffer = endpoint.CreateOffer(hold: true);
        Assert.Equal(MediaDirection.SendOnly, AudioLineOf(holdOffer).Direction);
        Assert.False(endpoint.IsHolding); // not until the peer answers
        var held = Succeeded(endpoint.ApplyAnswer(Peer("0", "a=recvonly", version: 2)));

        Assert.True(endpoint.IsHolding);
        Assert.Equal(MediaDirection.SendOnly, held.Direction);
        Assert.False(held.CanReceive);

        var resumeOffer = endpoint.CreateOffer();
        Assert.Equal(MediaDirection.SendRecv, AudioLineOf(resumeOffer).Direction);
        var resumed = Succeeded(endpoint.ApplyAnswer(Peer("0", "a=sendrecv", version: 3)));

        Assert.False(endpoint.IsHolding);
        Assert.Equal(MediaDirection.SendRecv, resumed.Direction);
    }

    [Fact] // RFC 3264 §8.4: a stream that was recvonly (the peer holds us) is held by offering inactive
    public void Holding_while_held_offers_inactive()
    {
        var endpoint = Established();
        Succeeded(endpoint.CreateAnswer(Peer("0", "a=sendonly", version: 2)));

        var offer = endpoint.CreateOffer(hold: true);

        Assert.Equal(MediaDirection.Inactive, AudioLineOf(offer).Direction);
        Assert.Equal(MediaDirection.Inactive, Succeeded(endpoint.ApplyAnswer(Peer("0", "a=inactive", version: 3))).Direction);
        Assert.True(endpoint.IsHolding);

        // The peer resumes its side; our own hold stays, so we answer sendonly (RFC 6337 §5.3).
        var peerResumes = endpoint.CreateAnswer(Peer("0", "a=sendrecv", version: 4));
        Assert.Equal(MediaDirection.SendOnly, Succeeded(peerResumes).Direction);
    }

    [Fact] // RFC 6337 §5.3: the held party offers what it wants (sendrecv); the holder keeps its hold in the answer
    public void While_we_hold_a_peer_refresh_is_answered_sendonly()
    {
        var endpoint = Established();
        endpoint.CreateOffer(hold: true);
        Succeeded(endpoint.ApplyAnswer(Peer("0", "a=recvonly", version: 2)));

        var refresh = endpoint.CreateAnswer(Peer("0", "a=sendrecv", version: 3));

        Assert.Equal(MediaDirection.SendOnly, Succeeded(refresh).Direction);
        Assert.Equal(MediaDirection.SendOnly, AudioLineOf(refresh.Answer!).Direction);
    }

    [Fact] // when the peer holds us, a plain re-offer from us still asks for sendrecv; the peer's answer decides
    public void Held_party_re_offers_sendrecv()
    {
        var endpoint = Established();
        Succeeded(endpoint.CreateAnswer(Peer("0", "a=sendonly", version: 2)));

        var offer = endpoint.CreateOffer();

        Assert.Equal(MediaDirection.SendRecv, AudioLineOf(offer).Direction);
        Assert.Equal(MediaDirection.RecvOnly, Succeeded(endpoint.ApplyAnswer(Peer("0", "a=sendonly", version: 3))).Direction);
    }

    [Fact] // RFC 3264 §6.1: an answer may only narrow what was offered; a sendrecv answer to our hold cannot undo it
    public void Answer_cannot_widen_our_hold()
    {
        var endpoint = Established();
        endpoint.CreateOffer(hold: true);

        Assert.Equal(MediaDirection.SendOnly, Succeeded(endpoint.ApplyAnswer(Peer("0", "a=sendrecv", version: 2))).Direction);
    }

    [Fact] // RFC 3264 §8.4: an old-style held answer (0.0.0.0) also stops our sending
    public void Zero_address_in_an_answer_stops_our_sending()
    {
        var endpoint = CreateEndpoint();
        endpoint.CreateOffer();

        var media = Succeeded(endpoint.ApplyAnswer(Peer("0", address: "0.0.0.0")));

        Assert.False(media.CanSend);
    }

    private static AudioOfferAnswer Established()
    {
        var endpoint = CreateEndpoint();
        endpoint.CreateOffer();
        Succeeded(endpoint.ApplyAnswer(Peer("0 101", "a=rtpmap:101 telephone-event/8000\na=sendrecv")));
        return endpoint;
    }
}
