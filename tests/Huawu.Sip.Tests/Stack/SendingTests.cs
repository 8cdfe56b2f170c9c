using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Sip.Tests.Fakes;

namespace Huawu.Sip.Tests.Stack;

/// <summary>Requests this side sends: routing (RFC 3263 §4 without SRV), failures (RFC 3261 §8.1.3.1), digest retries (§22.2).</summary>
public sealed class SendingTests
{
    private readonly StackHarness harness = new();

    private static DigestServer Registrar(TimeProvider time) =>
        new(new DigestServerOptions { Realm = "huawu.local", Secret = "registrar secret"u8.ToArray() }, time);

    private static SipMessage Challenge(SipMessage request, int status, DigestServer server)
    {
        var header = status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
        return StackHarness.Answer(request, status, extra: [.. server.CreateChallenges().Select(c => header + ": " + c)]);
    }

    [Fact]
    public void A_401_is_answered_with_credentials_in_the_same_call_id_with_the_next_cseq()
    {
        var server = Registrar(harness.Time);
        var register = harness.Stack.Send(
            harness.Stack.CreateRegister("sip:huawu.local", "sip:1001@huawu.local", TimeSpan.FromMinutes(10)),
            new SipSendOptions { Destination = "sip:198.51.100.7:5060", Credentials = new DigestClient("1001", "secret") });
        var first = register.Request!;
        harness.Receive(Challenge(first, 401, server));

        var second = harness.SentRequests(KnownMethod.Register)[^1].Message;
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.From.Tag, second.From.Tag);
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);
        Assert.NotEqual(first.TopVia.Branch, second.TopVia.Branch);
        Assert.True(second.TryGetHeader(HeaderId.Authorization, out var authorization));
        var verified = server.Verify(authorization.Value, "REGISTER", user => user == "1001" ? DigestCredential.FromPassword("secret") : null);
        Assert.True(verified.IsAuthenticated, verified.Reason);
        Assert.False(register.FinalResponse.IsCompleted); // the 401 is not the final answer of the handle

        harness.Receive(StackHarness.Answer(second, 200));
        Assert.Equal(200, StackHarness.Final(register).StatusCode);
        Assert.Equal(second.ToString(), register.Request!.ToString());
    }

    [Fact]
    public void Authentication_is_retried_at_most_the_configured_number_of_times()
    {
        var server = Registrar(harness.Time);
        var register = harness.Stack.Send(
            harness.Stack.CreateRegister("sip:198.51.100.7", "sip:1001@huawu.local", TimeSpan.FromMinutes(10)),
            new SipSendOptions { Credentials = new DigestClient("1001", "wrong"), MaxAuthenticationAttempts = 2 });
        for (var i = 0; i < 3; i++) harness.Receive(Challenge(harness.SentRequests(KnownMethod.Register)[^1].Message, 401, server));

        Assert.Equal(3, harness.SentRequests(KnownMethod.Register).Count);
        Assert.Equal(401, StackHarness.Final(register).StatusCode);
    }

    [Fact]
    public void An_invite_challenged_with_407_is_acknowledged_and_resent_with_proxy_authorization()
    {
        var server = Registrar(harness.Time);
        var call = harness.Stack.SendInvite(
            harness.Stack.CreateInvite("sip:bob@198.51.100.7", "sip:1001@huawu.local", null, "v=0\r\n"u8.ToArray()),
            harness.Dialogs,
            new SipSendOptions { Credentials = new DigestClient("1001", "secret") });
        harness.Receive(Challenge(call.Request!, 407, server));

        Assert.Single(harness.SentRequests(KnownMethod.Ack)); // the transaction's ACK for the 407 (§17.1.1.3)
        var retry = harness.SentRequests(KnownMethod.Invite)[^1].Message;
        Assert.Equal(2u, retry.CSeq.Number);
        Assert.True(retry.TryGetHeader(HeaderId.ProxyAuthorization, out _));
        Assert.Equal("v=0\r\n", Encoding.UTF8.GetString(retry.Body.Span));
    }

    [Fact]
    public void A_host_name_is_resolved_through_the_injected_resolver()
    {
        harness.Resolver.Add("trunk.example.net", "198.51.100.30");
        harness.Stack.Send(harness.Stack.CreateRequest(SipMethod.Options, "sip:trunk.example.net:5080", "sip:robot@huawu.local"));

        Assert.Equal("198.51.100.30:5080", Assert.Single(harness.Udp.Sent).To.ToString());
        Assert.Contains("trunk.example.net", harness.Resolver.Queries);
    }

    [Fact]
    public void Transport_tcp_and_maddr_in_the_uri_decide_the_transport_and_address()
    {
        // RFC 3263 §4.1 (transport parameter) and RFC 3261 §19.1.1 (maddr overrides the host).
        harness.Stack.Send(harness.Stack.CreateRequest(SipMethod.Options, "sip:bob@example.org;transport=tcp;maddr=198.51.100.40", "sip:robot@huawu.local"));
        var sent = Assert.Single(harness.Tcp.Sent);
        Assert.Equal("198.51.100.40:5060", sent.To.ToString());
        Assert.Equal(TransportProtocol.Tcp, sent.Message.TopVia.Transport);
        Assert.Empty(harness.Udp.Sent);
    }

    [Fact]
    public void A_destination_that_does_not_resolve_is_a_503()
    {
        // RFC 3261 §8.1.3.1 (and RFC 3263 §4.3): no address is a transport failure.
        var request = harness.Stack.Send(harness.Stack.CreateRequest(SipMethod.Options, "sip:nowhere.invalid", "sip:robot@huawu.local"));
        var final = StackHarness.Final(request);
        Assert.Equal((503, SipResponseSource.TransportError), (final.StatusCode, final.Source));
        Assert.Null(request.Request);
    }

    [Fact]
    public void A_send_failure_is_a_503()
    {
        harness.Udp.FailSends = true;
        var request = harness.Stack.Send(harness.Stack.CreateRequest(SipMethod.Options, "sip:198.51.100.7", "sip:robot@huawu.local"));
        Assert.Equal((503, SipResponseSource.TransportError), (StackHarness.Final(request).StatusCode, StackHarness.Final(request).Source));
    }

    [Fact]
    public void A_large_request_goes_over_tcp_when_the_uri_does_not_insist_on_udp()
    {
        // RFC 3261 §18.1.1: within 200 bytes of the 1500-byte MTU, use a congestion-controlled transport.
        var large = harness.Stack.CreateMessage("sip:bob@198.51.100.7", "sip:robot@huawu.local", new string('x', 1400));
        harness.Stack.Send(large);
        Assert.Single(harness.Tcp.Sent);
        var pinned = harness.Stack.CreateMessage("sip:bob@198.51.100.7;transport=udp", "sip:robot@huawu.local", new string('x', 1400));
        harness.Stack.Send(pinned);
        Assert.Single(harness.Udp.Sent);
    }

    [Fact]
    public void The_outbound_proxy_receives_requests_without_a_route_of_their_own()
    {
        var proxied = new StackHarness(new SipStackOptions { OutboundProxy = "sip:198.51.100.50:5070" });
        proxied.Stack.Send(proxied.Stack.CreateRequest(SipMethod.Options, "sip:bob@198.51.100.7", "sip:robot@huawu.local"));
        Assert.Equal("198.51.100.50:5070", Assert.Single(proxied.Udp.Sent).To.ToString());
        Assert.Equal("sip:bob@198.51.100.7", proxied.Udp.Sent[0].Message.RequestUri.ToString());
    }

    [Fact]
    public void Requests_carry_user_agent_and_a_contact_when_they_can_make_dialogs()
    {
        harness.Stack.Send(harness.Stack.CreateRequest(SipMethod.Options, "sip:198.51.100.7", "\"Robot\" <sip:robot@huawu.local>"));
        harness.Stack.Send(harness.Stack.CreateRegister("sip:198.51.100.7", "sip:1001@huawu.local", TimeSpan.FromHours(1)));
        var options = harness.SentRequests(KnownMethod.Options)[0].Message;
        var register = harness.SentRequests(KnownMethod.Register)[0].Message;

        Assert.True(options.TryGetHeader(HeaderId.UserAgent, out var agent) && agent.Value == "Huawu");
        Assert.Equal("Robot", options.From.DisplayName);
        Assert.True(options.Contacts.IsAbsent);
        Assert.Equal("<sip:192.0.2.10:5060>", Assert.Single(register.Contacts).ToString());
        Assert.Equal(3600, register.Expires);
    }
}
