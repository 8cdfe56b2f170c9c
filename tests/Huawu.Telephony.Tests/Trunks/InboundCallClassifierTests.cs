using System.Net;
using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Tests.Registrar;
using Huawu.Telephony.Trunks;

namespace Huawu.Telephony.Tests.Trunks;

/// <summary>Who sent a new INVITE: a trunk by source address, or a registered phone by digest (RFC 3261 §22.3), or nobody.</summary>
public sealed class InboundCallClassifierTests : IDisposable
{
    private const string Dialled = "sip:13800001234@huawu.local";

    private static readonly SipEndPoint PhoneSource = new(TransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5060));

    private readonly RegistrarFixture _registrar = new();
    private readonly TrunkAddressTable _trunks = new(
    [
        new TrunkOptions { Name = "carrier", Host = "198.51.100.20", InboundAddresses = ["198.51.100.21"] },
        new TrunkOptions { Name = "named", Host = "sip.carrier.example" },
    ]);

    private readonly InboundCallClassifier _classifier;

    public InboundCallClassifierTests() => _classifier = new InboundCallClassifier(_trunks, _registrar.Registrar);

    public void Dispose() => _registrar.Dispose();

    [Theory] // By source address: the trunk's host, its inbound addresses, and the IPv4-mapped form a dual-stack socket reports
    [InlineData("198.51.100.20", 5060)]
    [InlineData("198.51.100.21", 41234)]
    [InlineData("::ffff:198.51.100.21", 5060)]
    public void A_call_from_a_trunk_address_is_from_that_trunk(string address, int port)
    {
        var decision = _classifier.Classify(Invite("carrier-user"), Source(address, port, TransportProtocol.Tcp));

        Assert.Equal(InboundCallSource.Trunk, decision.Source);
        Assert.Equal("carrier", decision.Trunk!.Name);
        Assert.Null(decision.Response);
    }

    [Fact] // A host name matches once the caller has resolved it; re-resolving replaces the old addresses
    public void A_named_trunk_matches_the_addresses_it_resolved_to()
    {
        Assert.Equal("named", Assert.Single(_trunks.TrunksToResolve).Name);
        var source = Source("198.51.100.40");
        Assert.Equal(InboundCallSource.Rejected, _classifier.Classify(Invite("x"), source).Source);

        _trunks.SetResolvedAddresses("named", [IPAddress.Parse("198.51.100.40")]);
        Assert.Equal("named", _classifier.Classify(Invite("x"), source).Trunk!.Name);

        _trunks.SetResolvedAddresses("named", [IPAddress.Parse("198.51.100.41")]);
        Assert.Equal(InboundCallSource.Rejected, _classifier.Classify(Invite("x"), source).Source);
    }

    [Fact] // Policy: a source that is neither a trunk nor a registered phone gets 403 and no nonce to work on
    public void An_unknown_source_is_rejected_without_a_challenge()
    {
        var decision = _classifier.Classify(Invite("1001"), Source("203.0.113.99"));

        Assert.Equal(InboundCallSource.Rejected, decision.Source);
        var response = decision.Response!.Build();
        Assert.Equal(403, response.StatusCode);
        Assert.True(response.GetValues(HeaderId.ProxyAuthenticate).IsAbsent);
    }

    [Fact] // §22.3: a registered phone calling without credentials is challenged with 407 and Proxy-Authenticate
    public void A_registered_phone_is_challenged_with_407()
    {
        RegisterPhone();

        var decision = _classifier.Classify(Invite("1001"), PhoneSource);

        Assert.Equal(InboundCallSource.Challenge, decision.Source);
        var response = decision.Response!.Build();
        Assert.Equal(407, response.StatusCode);
        Assert.Equal(2, response.GetValues(HeaderId.ProxyAuthenticate).Count());
        Assert.True(response.To.HasTag);
    }

    [Fact] // The phone's answer to the 407 identifies it as its extension
    public void A_phone_that_answers_the_challenge_is_the_extension()
    {
        RegisterPhone();

        var decision = _classifier.Classify(Invite("1001", Answer("1001", "secret-1001")), PhoneSource);

        Assert.Equal(InboundCallSource.Extension, decision.Source);
        Assert.Equal("1001", decision.Extension);
    }

    [Fact] // A phone behind the same address as a registered one but with the wrong password is refused (403)
    public void A_wrong_password_is_rejected()
    {
        RegisterPhone();

        var decision = _classifier.Classify(Invite("1002", Answer("1002", "guess")), PhoneSource);

        Assert.Equal(InboundCallSource.Rejected, decision.Source);
        Assert.Equal(403, decision.Response!.Build().StatusCode);
    }

    [Fact] // Policy: an authenticated phone calls as itself; presenting another extension as From is refused
    public void A_phone_cannot_call_as_another_extension()
    {
        RegisterPhone();

        var decision = _classifier.Classify(Invite("1002", Answer("1001", "secret-1001")), PhoneSource);

        Assert.Equal(InboundCallSource.Rejected, decision.Source);
        Assert.Equal("From Does Not Match Credentials", decision.Response!.Build().ReasonPhrase);
    }

    [Fact] // When the registration has expired the source is unknown again
    public void After_the_registration_expires_the_phone_is_unknown()
    {
        RegisterPhone();
        _registrar.Time.Advance(TimeSpan.FromSeconds(3600));

        Assert.Equal(InboundCallSource.Rejected, _classifier.Classify(Invite("1001"), PhoneSource).Source);
    }

    [Fact] // A phone and a trunk behind one address (an office NAT, one host): the phone's own binding wins
    public void A_phone_registered_from_a_trunk_address_is_still_challenged_as_a_phone()
    {
        var phoneBesideCarrier = Source("198.51.100.20", 5062);
        RegisterPhone(phoneBesideCarrier);

        Assert.Equal(InboundCallSource.Challenge, _classifier.Classify(Invite("1001"), phoneBesideCarrier).Source);
        // The carrier itself, from its own port on that address, is still the trunk.
        Assert.Equal("carrier", _classifier.Classify(Invite("carrier-user"), Source("198.51.100.20", 5060)).Trunk!.Name);
    }

    private void RegisterPhone(SipEndPoint? from = null)
    {
        var phone = _registrar.Phone("1001");
        phone.Source = from ?? PhoneSource;
        Assert.Equal(200, phone.Register(_registrar.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>")).StatusCode);
    }

    /// <summary>Proxy-Authorization for a 407 the classifier issues, computed by the phone's <see cref="DigestClient"/>.</summary>
    private string Answer(string user, string password)
    {
        var challenge = _classifier.Classify(Invite(user), PhoneSource).Response!.Build();
        var offers = challenge.GetValues(HeaderId.ProxyAuthenticate).Select(v => Encoding.UTF8.GetString(v.Span));
        return new DigestClient(user, password).Respond(offers, "INVITE", Dialled).Authorization!;
    }

    private static SipMessage Invite(string fromUser, string? proxyAuthorization = null)
    {
        var builder = SipMessageBuilder.CreateRequest(SipMethod.Invite, Dialled)
            .AddVia(TransportProtocol.Udp, "198.51.100.7", 5060, SipIdentifiers.NewBranch())
            .AddMaxForwards()
            .AddAddress(HeaderId.To, Dialled)
            .AddAddress(HeaderId.From, $"sip:{fromUser}@huawu.local", tag: SipIdentifiers.NewTag())
            .AddCallId(SipIdentifiers.NewCallId())
            .AddCSeq(1, SipMethod.Invite)
            .AddHeader(HeaderId.Contact, $"<sip:{fromUser}@198.51.100.7>");
        if (proxyAuthorization is not null) builder.AddHeader(HeaderId.ProxyAuthorization, proxyAuthorization);
        return builder.Build();
    }

    private static SipEndPoint Source(string address, int port = 5060, TransportProtocol transport = TransportProtocol.Udp) =>
        new(transport, new IPEndPoint(IPAddress.Parse(address), port));
}
