using System.Text;
using Huawu.Sip.Parsing;
using Huawu.Telephony.Signaling;

namespace Huawu.Telephony.Tests.Signaling;

/// <summary>NOTIFYs of a REFER's subscription (RFC 3515 §2.4.4): the event package, the sipfrag status (RFC 3420), the end.</summary>
public sealed class ReferNotifyTests
{
    [Theory]
    [InlineData("SIP/2.0 100 Trying\r\n", 100)]
    [InlineData("SIP/2.0 180 Ringing", 180)]
    [InlineData("\r\nSIP/2.0 200 OK\r\nContact: <sip:c@127.0.0.1>\r\n", 200)]
    [InlineData("SIP/2.0 486 Busy Here\r\n", 486)]
    public void The_sipfrag_status_line_gives_the_referred_calls_status(string body, int status)
    {
        Assert.True(ReferNotify.TryReadStatus(Notify("refer", "active;expires=60", "message/sipfrag;version=2.0", body), out var found));
        Assert.Equal(status, found);
    }

    [Theory]
    [InlineData("message/sipfrag", "INVITE sip:x@127.0.0.1 SIP/2.0\r\n")]
    [InlineData("message/sipfrag", "SIP/2.0 abc Nonsense\r\n")]
    [InlineData("message/sipfrag", "SIP/2.0 99 Low\r\n")]
    [InlineData("text/plain", "SIP/2.0 200 OK\r\n")]
    public void Anything_but_a_sipfrag_status_line_gives_no_status(string contentType, string body)
    {
        Assert.False(ReferNotify.TryReadStatus(Notify("refer", "active", contentType, body), out _));
    }

    [Theory]
    [InlineData("refer", true)]
    [InlineData("refer;id=93809824", true)]
    [InlineData("Refer", true)]
    [InlineData("presence", false)]
    public void The_refer_event_package_is_recognised_with_or_without_an_id(string @event, bool isRefer)
    {
        Assert.Equal(isRefer, ReferNotify.IsReferEvent(Notify(@event, "active", "message/sipfrag", "SIP/2.0 100 Trying")));
    }

    [Theory]
    [InlineData("terminated;reason=noresource", true)]
    [InlineData("active;expires=60", false)]
    public void A_terminated_subscription_state_ends_the_subscription(string state, bool ends)
    {
        Assert.Equal(ends, ReferNotify.EndsSubscription(Notify("refer", state, "message/sipfrag", "SIP/2.0 100 Trying")));
    }

    private static Huawu.Sip.Messages.SipMessage Notify(string @event, string state, string contentType, string body)
    {
        var text = "NOTIFY sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n" +
                   "From: <sip:b@127.0.0.1>;tag=1\r\nTo: <sip:a@127.0.0.1>;tag=2\r\nCall-ID: notify-1\r\nCSeq: 2 NOTIFY\r\n" +
                   $"Event: {@event}\r\nSubscription-State: {state}\r\n" +
                   $"Content-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.Reason);
        return message;
    }
}
