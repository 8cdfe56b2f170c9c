using System.Net;
using BenchmarkDotNet.Attributes;
using Huawu.Telephony.Sdp;

namespace Huawu.Benchmarks.Sdp;

/// <summary>SDP is parsed and written once or twice per call setup: not a per-packet path, but measured anyway.</summary>
[MemoryDiagnoser]
public class SdpBenchmarks
{
    private const string LinphoneOffer =
        "v=0\r\no=alice 1234 678 IN IP4 192.168.1.33\r\ns=Talk\r\nc=IN IP4 192.168.1.33\r\nt=0 0\r\n"
        + "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\r\n"
        + "m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 useinbandfec=1\r\n"
        + "a=rtpmap:97 speex/16000\r\na=fmtp:97 vbr=on\r\na=rtpmap:98 speex/8000\r\na=fmtp:98 vbr=on\r\na=fmtp:18 annexb=yes\r\n"
        + "a=rtpmap:101 telephone-event/48000\r\na=rtpmap:99 telephone-event/16000\r\na=rtpmap:100 telephone-event/8000\r\n"
        + "a=rtcp:7079\r\na=rtcp-fb:* trr-int 1000\r\n";

    private static readonly AudioEndpointOptions Options = new() { Address = IPAddress.Parse("192.0.2.100"), RtpPort = 40000, SessionId = 1 };

    private SessionDescription _offer = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!SessionDescription.TryParse(LinphoneOffer, out var offer, out var error)) throw new InvalidOperationException(error.ToString());
        _offer = offer;
    }

    [Benchmark]
    public SessionDescription? Parse() => SessionDescription.TryParse(LinphoneOffer, out var description, out _) ? description : null;

    [Benchmark]
    public string Serialize() => _offer.ToString();

    [Benchmark]
    public SessionDescription? Answer() => new AudioOfferAnswer(Options).CreateAnswer(_offer).Answer;
}
