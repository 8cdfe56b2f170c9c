using System.Text;

namespace Huawu.Benchmarks.Sip;

/// <summary>Messages shaped like what a trunk or phone sends: an INVITE with an audio offer and its 200 OK.</summary>
internal static class SipSamples
{
    public const string Sdp =
        "v=0\r\n" +
        "o=- 2890844526 2890844526 IN IP4 192.0.2.101\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.101\r\n" +
        "t=0 0\r\n" +
        "m=audio 49172 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    public static byte[] Invite { get; } = Encoding.ASCII.GetBytes(
        "INVITE sip:+8613800138000@trunk.example.com;user=phone SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:+8613800138000@trunk.example.com;user=phone>\r\n" +
        "From: \"Huawu\" <sip:4001234567@huawu.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@192.0.2.101\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:4001234567@192.0.2.101:5060>\r\n" +
        "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, INFO, UPDATE\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: Huawu/0.1\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n" +
        "\r\n" + Sdp);

    public static byte[] Ok { get; } = Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.101\r\n" +
        "Record-Route: <sip:proxy.trunk.example.com;lr>\r\n" +
        "To: <sip:+8613800138000@trunk.example.com;user=phone>;tag=a6c85cf\r\n" +
        "From: \"Huawu\" <sip:4001234567@huawu.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@192.0.2.101\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:+8613800138000@198.51.100.20:5060>\r\n" +
        "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE\r\n" +
        "Supported: timer\r\n" +
        "Server: TrunkGateway/2.3\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n" +
        "\r\n" + Sdp);
}
