using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Trunks;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>A trunk's digest answers (RFC 3261 §22.2–§22.3): the header for the retried request, one retry per challenge.</summary>
public sealed class TrunkAuthenticatorTests
{
    private const string Target = "sip:+8613800001234@carrier.example";

    private readonly FakeCarrier _carrier = new(new ManualTimeProvider());

    private static TrunkAuthenticator Carrier() => new(new TrunkOptions { Name = "carrier", Host = "carrier.example", Username = "acct", Password = "pw" });

    [Theory] // 407 → Proxy-Authorization, 401 → Authorization, computed over INVITE and the Request-URI
    [InlineData(407, HeaderId.ProxyAuthenticate, HeaderId.ProxyAuthorization)]
    [InlineData(401, HeaderId.WwwAuthenticate, HeaderId.Authorization)]
    public void A_challenge_to_an_invite_yields_the_header_for_the_retry(int status, HeaderId challengeHeader, HeaderId credentialsHeader)
    {
        var authenticator = Carrier();
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
        var authenticator = Carrier();
        var challenge = Challenge(Invite(), 407, HeaderId.ProxyAuthenticate);
        Assert.True(authenticator.Respond(challenge, Target).IsAuthorized);

        var again = authenticator.Respond(challenge, Target);

        Assert.False(again.IsAuthorized);
        Assert.Contains("refused", again.FailureReason, StringComparison.Ordinal);
    }

    [Fact] // Later requests (a registration refresh) carry credentials up front with the next nc (§22.3)
    public void After_a_challenge_later_requests_are_authorized_up_front()
    {
        var authenticator = Carrier();
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

    [Fact] // A trunk that trusts our address has no account: the request fails rather than guessing
    public void A_trunk_without_credentials_cannot_answer()
    {
        var result = new TrunkAuthenticator(new TrunkOptions { Name = "trusted", Host = "198.51.100.30" }).Respond(Challenge(Invite(), 401, HeaderId.WwwAuthenticate), Target);

        Assert.False(result.IsAuthorized);
        Assert.Contains("no credentials", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_challenges_are_answered()
    {
        var authenticator = Carrier();

        Assert.Throws<ArgumentException>(() => authenticator.Respond(SipMessageBuilder.CreateResponse(Invite(), 486).Build(), Target));
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
