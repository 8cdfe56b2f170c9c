using System.Net;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Sip.Tests.Fakes;

namespace Huawu.Sip.Tests.Stack;

/// <summary>What the stack answers by itself (RFC 3261 §8.2, §21) and how responses find their way back (§18.2).</summary>
public sealed class UasCoreTests
{
    private readonly StackHarness harness = new();

    private static string Header(SentMessage sent, HeaderId id) => sent.Message.TryGetHeader(id, out var header) ? header.Value : "";

    [Fact]
    public void Options_is_answered_with_allow_accept_and_supported()
    {
        // RFC 3261 §11.2.
        harness.Receive(TestMessages.Request("OPTIONS"));
        var ok = Assert.Single(harness.SentResponses(200));

        Assert.Contains("INVITE", Header(ok, HeaderId.Allow), StringComparison.Ordinal);
        Assert.Contains("application/sdp", Header(ok, HeaderId.Accept), StringComparison.Ordinal);
        Assert.True(ok.Message.Contains(HeaderId.Supported));
        Assert.Equal("Huawu", Header(ok, HeaderId.Server));
        Assert.Empty(harness.Requests);
    }

    [Theory]
    [InlineData("SUBSCRIBE", 405)] // a standard method this node lacks (§8.2.1)
    [InlineData("FROB", 501)] // an unknown method (§8.2.1)
    public void Methods_the_node_does_not_support_are_refused(string method, int status)
    {
        harness.Receive(TestMessages.Request(method));
        var refusal = Assert.Single(harness.SentResponses(status));
        if (status == 405) Assert.Contains("INVITE", Header(refusal, HeaderId.Allow), StringComparison.Ordinal);
        Assert.Equal(1, harness.Count(SipCounter.RequestsRejected));
    }

    [Fact]
    public void An_unsupported_require_gets_420_with_unsupported()
    {
        // RFC 3261 §8.2.2.3.
        harness.Receive(TestMessages.Request("INVITE", extra: "Require: 100rel, foo"));
        Assert.Equal("100rel, foo", Header(Assert.Single(harness.SentResponses(420)), HeaderId.Unsupported));
    }

    [Fact]
    public void An_invite_with_a_body_type_the_node_cannot_read_gets_415_with_accept()
    {
        // RFC 3261 §8.2.3.
        harness.Receive(TestMessages.Request("INVITE", body: "<xml/>", extra: "Content-Type: application/xml"));
        Assert.Contains("application/sdp", Header(Assert.Single(harness.SentResponses(415)), HeaderId.Accept), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_uri_scheme_gets_416()
    {
        // RFC 3261 §8.2.2.1.
        var bytes = TestMessages.Request("MESSAGE").Buffer.ToArray();
        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("MESSAGE sip:bob@192.0.2.10", "MESSAGE im:bob@192.0.2.10", StringComparison.Ordinal);
        harness.Receive(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Single(harness.SentResponses(416));
    }

    [Fact]
    public void Max_forwards_zero_is_processed_normally_by_a_UAS()
    {
        // RFC 3261 §8.2: only proxies answer 483; RFC 4475 §3.3.11.
        var bytes = System.Text.Encoding.UTF8.GetBytes(TestMessages.Request("MESSAGE", body: "hi", extra: "Content-Type: text/plain").ToString().Replace("Max-Forwards: 70", "Max-Forwards: 0", StringComparison.Ordinal));
        harness.Receive(bytes);
        Assert.Single(harness.Requests);
    }

    [Fact]
    public void A_malformed_request_gets_400_with_the_reason_and_a_malformed_response_is_dropped()
    {
        harness.Receive(SipText.Message(
            "INVITE sip:bob@192.0.2.10 SIP/2.0",
            "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bKbad",
            "Max-Forwards: 70",
            "To: <sip:bob@example.com>",
            "Call-ID: bad@example.com",
            "CSeq: 1 INVITE",
            "From: <sip:alice@example.com;tag=1",
            "Content-Length: 0"));
        harness.Receive(SipText.Message("SIP/2.0 999 Weird", "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKx", "Content-Length: 0"));

        var bad = Assert.Single(harness.Udp.Sent);
        Assert.Equal((400, "Malformed From"), (bad.StatusCode, bad.Message.ReasonPhrase));
        Assert.Equal(1, harness.Count(SipCounter.MalformedRequestsAnswered));
        Assert.Equal(1, harness.Count(SipCounter.MalformedResponsesDropped));
    }

    [Fact]
    public void A_request_in_another_sip_version_gets_505()
    {
        var text = TestMessages.Request("OPTIONS").ToString().Replace("OPTIONS sip:bob@192.0.2.10 SIP/2.0", "OPTIONS sip:bob@192.0.2.10 SIP/7.0", StringComparison.Ordinal);
        harness.Receive(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Single(harness.SentResponses(505));
        Assert.Equal(1, harness.Count(SipCounter.BadVersionRejected));
    }

    [Fact]
    public void A_merged_request_gets_482()
    {
        // RFC 3261 §8.2.2.2: the same request reaching the UAS along a second path.
        harness.Receive(StackHarness.IncomingInvite());
        harness.Receive(StackHarness.IncomingInvite(branch: "z9hG4bKsecondpath"));
        Assert.Single(harness.SentResponses(482));
        Assert.Single(harness.Requests);
        Assert.Equal(1, harness.Count(SipCounter.LoopsDetected));
    }

    [Fact]
    public void Beyond_the_transaction_bound_new_requests_get_503_with_retry_after_and_known_ones_are_still_served()
    {
        // RFC 3261 §21.5.4: overload is answered, not dropped.
        var small = new StackHarness(new SipStackOptions { MaxServerTransactions = 2, OverloadRetryAfter = TimeSpan.FromSeconds(7) });
        small.Receive(TestMessages.Request("MESSAGE", branch: "z9hG4bK1", callId: "a"));
        small.Receive(TestMessages.Request("MESSAGE", branch: "z9hG4bK2", callId: "b"));
        small.Receive(TestMessages.Request("MESSAGE", branch: "z9hG4bK3", callId: "c"));

        var unavailable = Assert.Single(small.SentResponses(503));
        Assert.Equal("7", Header(unavailable, HeaderId.RetryAfter));
        Assert.Equal(1, small.Count(SipCounter.OverloadRejected));
        // A retransmission of a known transaction is still served.
        var first = small.Requests.First();
        first.Respond(200);
        small.Receive(TestMessages.Request("MESSAGE", branch: "z9hG4bK1", callId: "a"));
        Assert.Equal(2, small.SentResponses(200).Count);

        // Once the table drains (Timer J, abandoned requests), service resumes.
        small.Time.Advance(TimeSpan.FromSeconds(32));
        small.Receive(TestMessages.Request("MESSAGE", branch: "z9hG4bK4", callId: "d"));
        Assert.Equal(3, small.Requests.Count);
        Assert.Single(small.SentResponses(503));
    }

    [Fact]
    public void Responses_carry_received_and_rport_and_go_back_to_the_source_port()
    {
        // RFC 3261 §18.2.1 and RFC 3581 §4: the client is behind a NAT that changed its address and port.
        var nat = new IPEndPoint(IPAddress.Parse("203.0.113.50"), 40123);
        var request = TestMessages.Request("OPTIONS", sentBy: "10.0.0.5:5060", extra: []);
        var withRport = System.Text.Encoding.UTF8.GetBytes(request.ToString().Replace(";branch=z9hG4bKbranch1", ";rport;branch=z9hG4bKbranch1", StringComparison.Ordinal));
        harness.Receive(withRport, nat);

        var ok = Assert.Single(harness.SentResponses(200));
        Assert.Equal(nat, ok.To);
        var via = ok.Message.TopVia;
        Assert.Equal("203.0.113.50", via.Received);
        Assert.Equal(40123, via.Rport);
        Assert.Equal("z9hG4bKbranch1", via.Branch);
    }

    [Fact]
    public void Without_rport_the_response_goes_to_the_received_address_and_the_sent_by_port()
    {
        // RFC 3261 §18.2.2.
        var nat = new IPEndPoint(IPAddress.Parse("203.0.113.50"), 40123);
        harness.Receive(TestMessages.Request("OPTIONS", sentBy: "10.0.0.5:5070"), nat);

        var ok = Assert.Single(harness.SentResponses(200));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.50"), 5070), ok.To);
        Assert.Equal("203.0.113.50", ok.Message.TopVia.Received);
        Assert.False(ok.Message.TopVia.HasRport);
    }

    [Fact]
    public void A_sent_by_equal_to_the_source_needs_no_received()
    {
        harness.Receive(TestMessages.Request("OPTIONS"));
        Assert.Null(Assert.Single(harness.SentResponses(200)).Message.TopVia.Received);
    }

    [Fact]
    public void A_response_with_two_vias_is_dropped()
    {
        // RFC 3261 §8.1.3.3: it was meant for a proxy, not for this UAC.
        var options = harness.Stack.Send(harness.Stack.CreateRequest(SipMethod.Options, "sip:198.51.100.7", "sip:robot@huawu.local"));
        var misrouted = StackHarness.Answer(options.Request!, 200, extra: "Via: SIP/2.0/UDP 198.51.100.99;branch=z9hG4bKextra");
        harness.Receive(misrouted);

        Assert.False(options.FinalResponse.IsCompleted);
        Assert.Equal(1, harness.Count(SipCounter.MalformedResponsesDropped));
        harness.Receive(StackHarness.Answer(options.Request!, 200));
        Assert.Equal(200, StackHarness.Final(options).StatusCode);
    }

    [Fact]
    public void Stray_responses_and_acks_are_counted_and_dropped()
    {
        harness.Receive(StackHarness.Answer(TestMessages.Request("OPTIONS"), 200));
        harness.Receive(TestMessages.Request("ACK", toTag: "none"));
        Assert.Empty(harness.Udp.Sent);
        Assert.Equal(1, harness.Count(SipCounter.StrayResponsesDropped));
        Assert.Equal(1, harness.Count(SipCounter.StrayAcksDropped));
    }
}
