using System.Text;
using Huawu.Sip.Parsing;
using Huawu.Telephony.Signaling;

namespace Huawu.Telephony.Tests.Signaling;

/// <summary>DTMF in SIP INFO bodies: application/dtmf-relay ("Signal=") and application/dtmf (the key itself).</summary>
public sealed class DtmfInfoTests
{
    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5')]
    [InlineData("application/dtmf-relay", "Duration=250\r\nsignal = #\r\n", '#')]
    [InlineData("application/dtmf-relay", "Signal=a\r\n", 'A')]
    [InlineData("application/dtmf", "*", '*')]
    [InlineData("application/dtmf", "0\r\n", '0')]
    public void A_dtmf_body_gives_its_key(string contentType, string body, char key)
    {
        Assert.True(DtmfInfo.IsDtmf(Info(contentType, body), out var found));
        Assert.Equal(key, found);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=16\r\n")]
    [InlineData("application/dtmf-relay", "Duration=160\r\n")]
    [InlineData("application/dtmf", "x")]
    public void An_unreadable_dtmf_body_is_dtmf_without_a_key(string contentType, string body)
    {
        Assert.True(DtmfInfo.IsDtmf(Info(contentType, body), out var found));
        Assert.Null(found);
    }

    [Fact]
    public void Another_body_is_no_dtmf()
    {
        Assert.False(DtmfInfo.IsDtmf(Info("application/sdp", "v=0\r\n"), out _));
    }

    private static Huawu.Sip.Messages.SipMessage Info(string contentType, string body)
    {
        var text = "INFO sip:echo@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n" +
                   "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:echo@127.0.0.1>;tag=2\r\nCall-ID: info-1\r\nCSeq: 2 INFO\r\n" +
                   $"Content-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.Reason);
        return message;
    }
}
