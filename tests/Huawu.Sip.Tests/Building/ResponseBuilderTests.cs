using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Building;

/// <summary>RFC 3261 §8.2.6: constructing a response from the request it answers.</summary>
public sealed class ResponseBuilderTests
{
    private static readonly SipMessage Invite = SipText.Parse(SipText.MessageWithBody(
        "v=0\r\n",
        "INVITE sip:bob@biloxi.example.com SIP/2.0",
        "v: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1, SIP/2.0/UDP pc33.example.com;branch=z9hG4bKuac1;received=192.0.2.101",
        "Via: SIP/2.0/TCP origin.example.com;branch=z9hG4bKorigin",
        "Max-Forwards: 69",
        "t: Bob <sip:bob@biloxi.example.com>",
        "f: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
        "i: a84b4c76e66710@pc33.example.com",
        "CSeq: 314159 INVITE",
        "Timestamp: 54",
        "Record-Route: <sip:proxy.example.com;lr>",
        "c: application/sdp",
        "l: 5"));

    [Fact]
    public void Via_from_to_call_id_and_cseq_are_copied_with_a_to_tag_added() // RFC 3261 §8.2.6.2
    {
        var response = SipMessageBuilder.CreateResponse(Invite, 180, toTag: "a6c85cf").Build();

        Assert.Equal((180, "Ringing"), (response.StatusCode, response.ReasonPhrase));
        Assert.Equal(["proxy.example.com", "pc33.example.com", "origin.example.com"], response.Vias.ToList().Select(v => v.Host));
        Assert.Equal("192.0.2.101", response.Vias.ToList()[1].Received);
        Assert.Equal("1928301774", response.From.Tag);
        Assert.Equal("Bob", response.To.DisplayName);
        Assert.Equal("a6c85cf", response.To.Tag);
        Assert.Equal(Invite.CallId, response.CallId);
        Assert.Equal((314159u, SipMethod.Invite), (response.CSeq.Number, response.CSeq.Method));
        Assert.False(response.Contains(HeaderId.Timestamp));
        Assert.False(response.Contains(HeaderId.RecordRoute));
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public void A_to_tag_already_present_is_kept()
    {
        var reinvite = SipText.Parse(SipText.Options().Select(l => l.StartsWith("To:", StringComparison.Ordinal) ? "To: <sip:bob@example.com>;tag=existing" : l).ToArray());

        var response = SipMessageBuilder.CreateResponse(reinvite, 200, toTag: "new").Build();

        Assert.Equal("existing", response.To.Tag);
        Assert.Single(response.To.Parameters.ToList());
    }

    [Fact]
    public void A_100_trying_gets_no_tag_and_echoes_timestamp() // RFC 3261 §8.2.6.1
    {
        var trying = SipMessageBuilder.CreateResponse(Invite, 100, toTag: "ignored").Build();

        Assert.False(trying.To.HasTag);
        Assert.True(trying.TryGetHeader(HeaderId.Timestamp, out var timestamp));
        Assert.Equal("54", timestamp.Value);
    }

    [Fact]
    public void Compact_names_are_written_in_full_and_each_via_gets_its_own_line()
    {
        var text = System.Text.Encoding.UTF8.GetString(SipMessageBuilder.CreateResponse(Invite, 486, "Busy Here", "x").ToArray());

        Assert.StartsWith("SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1\r\nVia: ", text, StringComparison.Ordinal);
        Assert.Contains("\r\nFrom: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nTo: Bob <sip:bob@biloxi.example.com>;tag=x\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nCall-ID: a84b4c76e66710@pc33.example.com\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\nContent-Length: 0\r\n\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transport_can_append_received_and_rport_to_the_top_via() // RFC 3261 §18.2.1, RFC 3581 §4
    {
        var response = SipMessageBuilder.CreateResponse(Invite, 200, toTag: "x")
            .AppendParameter(HeaderId.Via, "received", "198.51.100.7")
            .AppendParameter(HeaderId.Via, "rport", "6060")
            .Build();

        Assert.Equal(("198.51.100.7", 6060), (response.TopVia.Received, response.TopVia.Rport));
        Assert.Null(response.Vias.ToList()[2].Received);
    }

    [Fact]
    public void Dialog_establishing_responses_can_copy_record_route() // RFC 3261 §12.1.1
    {
        var response = SipMessageBuilder.CreateResponse(Invite, 200, toTag: "x").CopyHeaders(Invite, HeaderId.RecordRoute).Build();

        Assert.Equal("sip:proxy.example.com;lr", response.RecordRoutes.ToList().Single().Uri.ToString());
    }

    [Fact]
    public void Only_requests_are_answered() =>
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.CreateResponse(SipMessageBuilder.CreateResponse(Invite, 200).Build(), 200));
}
