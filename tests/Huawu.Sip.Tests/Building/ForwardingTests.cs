using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Tests.Building;

/// <summary>RFC 3261 §16.6: copying and editing a request to forward it.</summary>
public sealed class ForwardingTests
{
    private static readonly SipMessage Request = SipText.Parse(SipText.MessageWithBody(
        "hello",
        "MESSAGE sip:bob@example.com SIP/2.0",
        "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bKuac1",
        "Max-Forwards: 10",
        "From: <sip:alice@example.com>;tag=1",
        "To: <sip:bob@example.com>",
        "Call-ID: fwd-1",
        "CSeq: 1 MESSAGE",
        "X-Custom-Thing: kept as is",
        "Subject: folded\r\n  over two lines",
        "Content-Type: text/plain",
        "Content-Length: 5"));

    [Fact]
    public void A_forwarded_copy_gets_a_new_top_via_one_hop_less_and_a_new_target()
    {
        var branch = SipIdentifiers.NewBranch();
        var builder = SipMessageBuilder.CreateForward(Request);
        builder.PrependHeader(HeaderId.Via, "SIP/2.0/UDP proxy.example.com;branch=" + branch);
        Assert.Equal(9, builder.DecrementMaxForwards());
        builder.SetRequestUri(SipUri.Parse("sip:bob@192.0.2.4:5062"));

        var forwarded = builder.Build();

        Assert.Equal("sip:bob@192.0.2.4:5062", forwarded.RequestUri.ToString());
        Assert.Equal(["proxy.example.com", "pc33.example.com"], forwarded.Vias.ToList().Select(v => v.Host));
        Assert.Equal(branch, forwarded.TopVia.Branch);
        Assert.Equal(9, forwarded.MaxForwards);
        Assert.Equal("hello", SipText.Text(forwarded.Body));
        Assert.True(forwarded.TryGetHeader("X-Custom-Thing", out var custom));
        Assert.Equal("kept as is", custom.Value);
        Assert.True(forwarded.TryGetHeader(HeaderId.Subject, out var subject));
        Assert.Equal("folded over two lines", SipText.Text(subject.ValueBytes));
        Assert.Equal((Request.CallId, Request.From.Tag), (forwarded.CallId, forwarded.From.Tag));
    }

    [Fact]
    public void Max_forwards_is_added_with_70_when_absent() // RFC 3261 §16.6 step 3
    {
        var builder = SipMessageBuilder.CreateForward(Request);
        builder.RemoveHeaders(HeaderId.MaxForwards);

        Assert.Equal(70, builder.DecrementMaxForwards());
        Assert.Equal(70, builder.Build().MaxForwards);
    }

    [Fact]
    public void Forwarding_with_no_hops_left_is_a_bug() // RFC 3261 §16.3 step 3: answer 483 instead
    {
        var builder = SipMessageBuilder.CreateForward(Request);
        builder.SetHeader(HeaderId.MaxForwards, "0");

        Assert.Throws<InvalidOperationException>(() => builder.DecrementMaxForwards());
    }
}
