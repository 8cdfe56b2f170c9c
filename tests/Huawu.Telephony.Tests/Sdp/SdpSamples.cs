using Huawu.Telephony.Sdp;

namespace Huawu.Telephony.Tests.Sdp;

/// <summary>SDP bodies in the shape common phones and trunks send them, with CRLF line ends as on the wire.</summary>
internal static class SdpSamples
{
    /// <summary>baresip: opus first, G.711 later, telephone-event 101, session-level tool attribute.</summary>
    public static readonly string Baresip = Crlf("""
        v=0
        o=- 3878423654 3878423654 IN IP4 192.168.1.20
        s=-
        c=IN IP4 192.168.1.20
        t=0 0
        a=tool:baresip 3.10.1
        m=audio 10014 RTP/AVP 96 9 0 8 101
        b=AS:64
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=rtcp-rsize
        a=ptime:20
        """);

    /// <summary>Linphone: several telephone-event clock rates, fmtp for a static type, explicit a=rtcp.</summary>
    public static readonly string Linphone = Crlf("""
        v=0
        o=alice 1234 678 IN IP4 192.168.1.33
        s=Talk
        c=IN IP4 192.168.1.33
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        a=record:off
        m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=rtpmap:98 speex/8000
        a=fmtp:98 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:99 telephone-event/16000
        a=rtpmap:100 telephone-event/8000
        a=rtcp:7079
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr
        """);

    /// <summary>Asterisk (chan_pjsip): PCMA preferred, maxptime, explicit sendrecv.</summary>
    public static readonly string Asterisk = Crlf("""
        v=0
        o=- 1234567890 1234567890 IN IP4 203.0.113.10
        s=Asterisk
        c=IN IP4 203.0.113.10
        t=0 0
        m=audio 17982 RTP/AVP 8 0 3 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:3 GSM/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=maxptime:150
        a=sendrecv
        """);

    /// <summary>FreeSWITCH: telephone-event at 16 kHz listed before the 8 kHz one, comfort noise.</summary>
    public static readonly string FreeSwitch = Crlf("""
        v=0
        o=FreeSWITCH 1700000000 1700000001 IN IP4 198.51.100.7
        s=FreeSWITCH
        c=IN IP4 198.51.100.7
        t=0 0
        m=audio 24680 RTP/AVP 0 8 102 101 13
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:102 telephone-event/16000
        a=fmtp:102 0-16
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=rtpmap:13 CN/8000
        a=ptime:20
        """);

    /// <summary>A carrier trunk: static payload types only, no a=rtpmap at all, ptime 30.</summary>
    public static readonly string StaticOnlyTrunk = Crlf("""
        v=0
        o=Sonus_UAC 24517 2452 IN IP4 192.0.2.80
        s=SIP Media Capabilities
        c=IN IP4 192.0.2.81
        t=0 0
        m=audio 30000 RTP/AVP 18 8 0
        a=ptime:30
        """);

    /// <summary>A Cisco gateway putting the call on hold the RFC 2543 way: c=0.0.0.0, no direction attribute.</summary>
    public static readonly string CiscoOldHold = Crlf("""
        v=0
        o=CiscoSystemsSIP-GW-UserAgent 4019 2234 IN IP4 192.0.2.50
        s=SIP Call
        c=IN IP4 0.0.0.0
        t=0 0
        m=audio 18444 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        """);

    /// <summary>A softphone offering audio and video over IPv6.</summary>
    public static readonly string AudioVideoIPv6 = Crlf("""
        v=0
        o=bob 2890844730 2890844731 IN IP6 2001:db8::15
        s=-
        c=IN IP6 2001:db8::15
        t=0 0
        m=audio 49172 RTP/AVP 0 101
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        m=video 51372 RTP/AVP 99
        a=rtpmap:99 H264/90000
        a=fmtp:99 profile-level-id=42e01f
        """);

    /// <summary>An SRTP-only offer (RFC 4568 SDES), which this endpoint cannot accept yet.</summary>
    public static readonly string SrtpOnly = Crlf("""
        v=0
        o=- 20518 0 IN IP4 203.0.113.1
        s=-
        c=IN IP4 203.0.113.1
        t=0 0
        m=audio 54400 RTP/SAVP 0 8
        a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32
        """);

    public static string Crlf(string text) => text.ReplaceLineEndings("\r\n") + "\r\n";

    public static SessionDescription Parse(string text)
    {
        Assert.True(SessionDescription.TryParse(text, out var description, out var error), error.ToString());
        return description;
    }
}
