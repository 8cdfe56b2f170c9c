using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Registrar;
using static Huawu.Telephony.Tests.Registrar.RegistrarFixture;

namespace Huawu.Telephony.Tests.Registrar;

/// <summary>RFC 3261 §10.3 steps 1, 2, 5, 6 and 8 and the RFC 4475 registration cases.</summary>
public sealed class RegistrarRequestTests : IDisposable
{
    private readonly RegistrarFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact] // §10.3 step 1 with §21.4.5: a Request-URI domain we do not serve is 404, before any challenge
    public void A_request_uri_for_another_domain_is_not_found()
    {
        var request = TestPhone.Parse("""
            REGISTER sip:elsewhere.example SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bKstep1
            Max-Forwards: 70
            To: <sip:1001@elsewhere.example>
            From: <sip:1001@elsewhere.example>;tag=a1
            Call-ID: step1@198.51.100.7
            CSeq: 1 REGISTER
            Contact: <sip:1001@198.51.100.7>
            Content-Length: 0


            """);

        var response = _fixture.Registrar.HandleRegister(request, _fixture.Phone().Source).Build();

        Assert.Equal(404, response.StatusCode);
    }

    [Fact] // Aliases: phones configured with the server's IP address instead of the domain are served
    public void The_registrar_serves_its_aliases_as_its_domain()
    {
        var phone = new TestPhone("1001", "secret-1001", domain: "192.0.2.1");

        Assert.Equal(200, phone.Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>")).StatusCode);
        Assert.Single(_fixture.Registrar.GetContacts("1001"));
    }

    [Fact] // §10.3 step 2 (§8.2.2.3): the registrar supports no extension, so Require gets 420 with Unsupported
    public void Require_with_an_unknown_extension_is_420()
    {
        var phone = _fixture.Phone();

        var response = _fixture.Registrar.HandleRegister(phone.Build(b => b.AddHeader(HeaderId.Require, "gruu")), phone.Source).Build();

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("gruu", HeaderOf(response, HeaderId.Unsupported));
    }

    [Fact] // §10.3 step 5: an address-of-record outside the Request-URI's domain is 404
    public void An_address_of_record_in_another_domain_is_not_found()
    {
        var phone = _fixture.Phone();
        var first = _fixture.Registrar.HandleRegister(phone.Build(ForeignAor), phone.Source).Build();

        var response = _fixture.Registrar.HandleRegister(phone.Build(ForeignAor, phone.Answer(first)), phone.Source).Build();

        Assert.Equal(404, response.StatusCode);
        Assert.Empty(_fixture.Events);

        static void ForeignAor(SipMessageBuilder b) => b.SetHeader(HeaderId.To, "<sip:1001@elsewhere.example>");
    }

    [Fact] // §10.3 step 8: a REGISTER without Contact is a query; the 200 lists the bindings with what is left, and Date
    public void A_query_lists_current_bindings_with_their_remaining_time_and_a_date()
    {
        var phone = _fixture.Phone();
        phone.Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>").AddHeader(HeaderId.Expires, "3600"));
        _fixture.Time.Advance(TimeSpan.FromSeconds(600));

        var response = phone.Register(_fixture.Registrar);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([("sip:1001@198.51.100.7", "3000")], ContactsOf(response));
        Assert.Equal(_fixture.Time.GetUtcNow().ToString("r"), HeaderOf(response, HeaderId.Date));
        Assert.Single(_fixture.Events);
    }

    [Fact] // RFC 4475 §3.1.2.13 "regbadct": an unbracketed Contact URI with '?' is malformed → 400, nothing bound
    public void Regbadct_is_rejected_with_400()
    {
        using var fixture = new RegistrarFixture(domain: "example.com", extraUsers: "user");

        var response = fixture.Registrar.HandleRegister(Rfc4475.Parse("regbadct"), Rfc4475.Source).Build();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Malformed Contact", response.ReasonPhrase);
        Assert.Empty(fixture.Registrar.GetContacts("user"));
    }

    [Fact] // RFC 4475 §3.3.14 "regescrt": the escaped Route header stays part of the contact, listed bracketed in the 200
    public void Regescrt_binds_the_contact_with_its_escaped_header()
    {
        using var fixture = new RegistrarFixture(domain: "example.com", extraUsers: "user");
        var torture = Rfc4475.Parse("regescrt");
        var challenge = fixture.Registrar.HandleRegister(torture, Rfc4475.Source).Build();
        Assert.Equal(401, challenge.StatusCode);
        var phone = new TestPhone("user", "secret-user", domain: "example.com");
        // The same request again with credentials; its Contact value is carried over byte for byte.
        var authorized = SipMessageBuilder.CreateForward(torture).SetHeader(HeaderId.CSeq, "14398235 REGISTER")
            .AddHeader(HeaderId.Authorization, phone.Answer(challenge)).Build();

        var response = fixture.Registrar.HandleRegister(authorized, Rfc4475.Source).Build();

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(fixture.Registrar.GetContacts("user"));
        Assert.Equal("sip:user@example.com?Route=%3Csip:sip.example.com%3E", binding.ContactUri);
        var listed = Assert.Single(response.Contacts);
        Assert.True(listed.HasAngleBrackets);
        Assert.Equal("<sip:sip.example.com>", listed.Uri.Headers.GetValue("Route"));
        Assert.Equal("3600", listed.Parameters.GetValue("expires"));
    }

    [Theory] // §10.3 step 6: "*" only alone and only with Expires: 0, else 400
    [InlineData("Contact: *", "Expires: 60")]
    [InlineData("Contact: *", null)]
    [InlineData("Contact: *, <sip:1001@198.51.100.7>", "Expires: 0")]
    public void A_wildcard_with_a_nonzero_expiry_or_other_contacts_is_a_bad_request(string contact, string? expires)
    {
        var phone = _fixture.Phone();
        phone.Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>"));

        var response = phone.Register(_fixture.Registrar, b =>
        {
            b.AddHeader(HeaderId.Contact, contact["Contact: ".Length..]);
            if (expires is not null) b.AddHeader(HeaderId.Expires, expires["Expires: ".Length..]);
        });

        Assert.Equal(400, response.StatusCode);
        Assert.Single(_fixture.Registrar.GetContacts("1001"));
    }

    [Theory] // Contacts Huawu cannot use or read are refused whole: non-SIP (never callable), bad q (§20.10), bad expires
    [InlineData("<mailto:1001@example.com>", "Contact Is Not A SIP URI")]
    [InlineData("<sip:1001@198.51.100.7>;q=1.5", "Bad Contact q Value")]
    [InlineData("<sip:1001@198.51.100.7>;q=0.1234", "Bad Contact q Value")]
    [InlineData("<sip:1001@198.51.100.7>;expires=soon", "Bad Contact expires")]
    public void An_unusable_contact_is_a_bad_request(string contact, string reason)
    {
        var response = _fixture.Phone().Register(_fixture.Registrar, b => b.AddHeader(HeaderId.Contact, contact));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(reason, response.ReasonPhrase);
        Assert.Empty(_fixture.Events);
    }

    [Fact]
    public void Only_register_requests_are_handled()
    {
        var options = SipMessageBuilder.CreateRequest(SipMethod.Options, "sip:huawu.local")
            .AddVia(TransportProtocol.Udp, "198.51.100.7", 5060, SipIdentifiers.NewBranch())
            .AddAddress(HeaderId.To, "sip:huawu.local").AddAddress(HeaderId.From, "sip:x@huawu.local", tag: "1")
            .AddCallId("c").AddCSeq(1, SipMethod.Options).AddMaxForwards().Build();

        Assert.Throws<ArgumentException>(() => _fixture.Registrar.HandleRegister(options, _fixture.Phone().Source));
    }
}
