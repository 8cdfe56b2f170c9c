using System.Net;
using Huawu.Telephony.Sdp;

namespace Huawu.Telephony.Tests.Sdp;

/// <summary>Our endpoint as the tests configure it, and a peer whose answers and offers are written by hand.</summary>
internal static class OfferAnswerFixture
{
    public const ulong SessionId = 4242;

    public static AudioOfferAnswer CreateEndpoint(int? telephoneEvent = 101) => new(new AudioEndpointOptions
    {
        Address = IPAddress.Parse("192.0.2.100"),
        RtpPort = 40000,
        SessionId = SessionId,
        TelephoneEventPayloadType = telephoneEvent,
    });

    /// <summary>A peer description with one audio line; <paramref name="mediaLines"/> follow the m= line.</summary>
    public static SessionDescription Peer(string formats, string mediaLines = "", string address = "198.51.100.7", int port = 30000, ulong version = 1) =>
        SdpSamples.Parse(SdpSamples.Crlf($"""
            v=0
            o=peer 777 {version} IN IP4 198.51.100.7
            s=-
            c=IN IP4 {address}
            t=0 0
            m=audio {port} RTP/AVP {formats}
            """) + SdpSamples.Crlf(mediaLines).TrimStart('\r', '\n'));

    public static NegotiatedAudio Succeeded(NegotiationResult result)
    {
        Assert.True(result.IsSuccess, $"{result.Failure}: {result.Reason}");
        Assert.NotNull(result.Media);
        return result.Media;
    }

    /// <summary>Our offer or answer as the peer will read it: re-parsed from the text we send.</summary>
    public static MediaDescription AudioLineOf(SessionDescription ours) =>
        SdpSamples.Parse(ours.ToString()).Media.Single(m => m.IsAudio && m.Port != 0);
}
