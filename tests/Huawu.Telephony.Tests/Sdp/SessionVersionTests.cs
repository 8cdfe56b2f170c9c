using Huawu.Telephony.Sdp;
using static Huawu.Telephony.Tests.Sdp.OfferAnswerFixture;

namespace Huawu.Telephony.Tests.Sdp;

/// <summary>RFC 3264 §8: o= keeps its session id; the version rises by one exactly when the SDP changed.</summary>
public class SessionVersionTests
{
    [Fact]
    public void Unchanged_re_offer_keeps_the_version()
    {
        var endpoint = CreateEndpoint();
        var first = endpoint.CreateOffer();
        Succeeded(endpoint.ApplyAnswer(Peer("0")));

        var refresh = endpoint.CreateOffer();

        Assert.Equal(first.Origin, refresh.Origin);
        Assert.Equal(first.ToString(), refresh.ToString());
    }

    [Fact]
    public void Each_change_adds_exactly_one()
    {
        var endpoint = CreateEndpoint();
        var versions = new List<ulong> { endpoint.CreateOffer().Origin.SessionVersion };
        Succeeded(endpoint.ApplyAnswer(Peer("0")));

        versions.Add(endpoint.CreateOffer(hold: true).Origin.SessionVersion);  // changed: sendonly
        Succeeded(endpoint.ApplyAnswer(Peer("0", "a=recvonly")));
        versions.Add(endpoint.CreateOffer(hold: true).Origin.SessionVersion);  // same hold again: unchanged
        Succeeded(endpoint.ApplyAnswer(Peer("0", "a=recvonly")));
        versions.Add(endpoint.CreateOffer().Origin.SessionVersion);            // resume: changed
        Succeeded(endpoint.ApplyAnswer(Peer("0")));

        Assert.Equal([1UL, 2UL, 2UL, 3UL], versions);
        Assert.Equal(SessionId, endpoint.LocalDescription!.Origin.SessionId);
    }

    [Fact] // our answers are our SDP too: an answer that differs from our last offer counts as a change
    public void Answers_share_the_same_version_sequence()
    {
        var endpoint = CreateEndpoint();
        var offer = endpoint.CreateOffer();
        Succeeded(endpoint.ApplyAnswer(Peer("0")));

        var firstAnswer = endpoint.CreateAnswer(Peer("0", version: 2)).Answer!;    // one codec instead of our list
        var sameAnswer = endpoint.CreateAnswer(Peer("0", version: 3)).Answer!;     // the peer refreshes, nothing changes
        var heldAnswer = endpoint.CreateAnswer(Peer("0", "a=sendonly", version: 4)).Answer!;

        Assert.Equal(offer.Origin.SessionVersion + 1, firstAnswer.Origin.SessionVersion);
        Assert.Equal(firstAnswer.Origin.SessionVersion, sameAnswer.Origin.SessionVersion);
        Assert.Equal(sameAnswer.Origin.SessionVersion + 1, heldAnswer.Origin.SessionVersion);
        Assert.All([offer, firstAnswer, sameAnswer, heldAnswer], d => Assert.Equal(SessionId, d.Origin.SessionId));
    }

    [Fact] // a failed negotiation publishes nothing, so it cannot move the version either
    public void Failed_answer_does_not_touch_the_version()
    {
        var endpoint = CreateEndpoint();
        var offer = endpoint.CreateOffer();
        Succeeded(endpoint.ApplyAnswer(Peer("0")));

        Assert.False(endpoint.CreateAnswer(Peer("18", version: 2)).IsSuccess);

        Assert.Same(offer, endpoint.LocalDescription);
        Assert.Equal(offer.Origin.SessionVersion, endpoint.CreateOffer().Origin.SessionVersion);
    }
}
