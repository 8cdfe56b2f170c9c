using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Trunks;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>Outbound call credentials (RFC 3261 §22.2–§22.3): the header for the retried INVITE, one retry per challenge.</summary>
public sealed class TrunkAuthenticatorTests : IAsyncDisposable
{
    private const string Target = "sip:+8613800001234@carrier.example";

    private readonly ManualTimeProvider _time = new();
    private readonly FakeSipSender _sender;
    private readonly FakeCarrier _carrier;
    private readonly TrunkManager _trunks;

    public TrunkAuthenticatorTests()
    {
        _sender = new FakeSipSender(_time);
        _carrier = new FakeCarrier(_time);
        _trunks = new TrunkManager(
            [
                new TrunkOptions { Name = "carrier", Host = "carrier.example", Username = "acct", Password = "pw" },
                new TrunkOptions { Name = "trusted", Host = "198.51.100.30" },
            ],
            new TrunkClientOptions { LocalHost = "203.0.113.1" }, _sender, _time);
    }

    public ValueTask DisposeAsync() => _trunks.DisposeAsync();

    [Theory] // 407 → Proxy-Authorization, 401 → Authorization, computed over INVITE and the Request-URI
    [InlineData(407, HeaderId.ProxyAuthenticate, HeaderId.ProxyAuthorization)]
    [InlineData(401, HeaderId.WwwAuthenticate, HeaderId.Authorization)]
    public void A_challenge_to_an_invite_yields_the_header_for_the_retry(int status, HeaderId challengeHeader, HeaderId credentialsHeader)
    {
        var authenticator = _trunks.CreateCallAuthenticator("carrier");
        var invite = Invite();

        var result = authenticator.Respond(Challenge(invite, status, challengeHeader), Target);

        Assert.True(result.IsAuthorized);
        Assert.Equal(credentialsHeader, result.Credentials!.Value.Header);
        var retry = Retry(invite, result.Credentials.Value);
        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(retry, credentialsHeader).Status);
    }

    [Fact] // RFC 7616 §3.3: the answered nonce challenged again without stale → the credentials were refused; no retry
    public void The_same_challenge_twice_is_not_answered_twice()
    {
        var authenticator = _trunks.CreateCallAuthenticator("carrier");
        var challenge = Challenge(Invite(), 407, HeaderId.ProxyAuthenticate);
        Assert.True(authenticator.Respond(challenge, Target).IsAuthorized);

        var again = authenticator.Respond(challenge, Target);

        Assert.False(again.IsAuthorized);
        Assert.Contains("refused", again.FailureReason, StringComparison.Ordinal);
    }

    [Fact] // Fresh nonces forever are cut off by the per-call cap
    public void A_call_answers_at_most_three_challenges()
    {
        var authenticator = _trunks.CreateCallAuthenticator("carrier");

        var answered = Enumerable.Range(0, 5).Count(_ => authenticator.Respond(Challenge(Invite(), 407, HeaderId.ProxyAuthenticate), Target).IsAuthorized);

        Assert.Equal(3, answered);
    }

    [Fact] // Each call has its own nonce state: one call's refusal does not spill into another's
    public void Calls_do_not_share_digest_state()
    {
        var challenge = Challenge(Invite(), 407, HeaderId.ProxyAuthenticate);
        var first = _trunks.CreateCallAuthenticator("carrier");
        first.Respond(challenge, Target);

        Assert.True(_trunks.CreateCallAuthenticator("carrier").Respond(challenge, Target).IsAuthorized);
    }

    [Fact] // Later requests of the call carry credentials up front with the next nc (§22.3)
    public void After_a_challenge_later_requests_are_authorized_up_front()
    {
        var authenticator = _trunks.CreateCallAuthenticator("carrier");
        Assert.False(authenticator.TryAuthorize(SipMethod.Bye, Target, out _));
        authenticator.Respond(Challenge(Invite(), 407, HeaderId.ProxyAuthenticate), Target);

        Assert.True(authenticator.TryAuthorize(SipMethod.Bye, Target, out var credentials));

        var bye = SipMessageBuilder.CreateRequest(SipMethod.Bye, Target)
            .AddVia(TransportProtocol.Udp, "203.0.113.1", 5060, SipIdentifiers.NewBranch())
            .AddAddress(HeaderId.To, Target, tag: "b").AddAddress(HeaderId.From, "sip:acct@carrier.example", tag: "a")
            .AddCallId("call-1").AddCSeq(3, SipMethod.Bye).AddMaxForwards()
            .AddHeader(credentials.Header, credentials.Value).Build();
        Assert.Equal(DigestVerificationStatus.Authenticated, _carrier.Verify(bye, HeaderId.ProxyAuthorization).Status);
    }

    [Fact] // A trunk that trusts our address has no account: the call fails rather than guessing
    public void A_trunk_without_credentials_cannot_answer()
    {
        var result = _trunks.CreateCallAuthenticator("trusted").Respond(Challenge(Invite(), 401, HeaderId.WwwAuthenticate), Target);

        Assert.False(result.IsAuthorized);
        Assert.Contains("no credentials", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_challenges_are_answered()
    {
        var authenticator = _trunks.CreateCallAuthenticator("carrier");

        Assert.Throws<ArgumentException>(() => authenticator.Respond(SipMessageBuilder.CreateResponse(Invite(), 486).Build(), Target));
        Assert.Throws<ArgumentException>(() => _trunks.CreateCallAuthenticator("nobody"));
    }

    private static SipMessage Invite(params (HeaderId Id, string Value)[] extra)
    {
        var builder = SipMessageBuilder.CreateRequest(SipMethod.Invite, Target)
            .AddVia(TransportProtocol.Udp, "203.0.113.1", 5060, SipIdentifiers.NewBranch())
            .AddMaxForwards()
            .AddAddress(HeaderId.To, Target)
            .AddAddress(HeaderId.From, "sip:acct@carrier.example", tag: SipIdentifiers.NewTag())
            .AddCallId("call-1")
            .AddCSeq(1, SipMethod.Invite)
            .AddHeader(HeaderId.Contact, "<sip:acct@203.0.113.1:5060>");
        foreach (var (id, value) in extra) builder.AddHeader(id, value);
        return builder.Build();
    }

    private static SipMessage Retry(SipMessage invite, DigestCredentials credentials) =>
        Invite((credentials.Header, credentials.Value));

    private SipMessage Challenge(SipMessage invite, int status, HeaderId header)
    {
        var response = SipMessageBuilder.CreateResponse(invite, status, null, SipIdentifiers.NewTag());
        _carrier.Challenge(header)(response);
        return response.Build();
    }
}
