using System.Net;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Transport;
using Huawu.Telephony.Registrar;
using static Huawu.Telephony.Tests.Registrar.RegistrarFixture;

namespace Huawu.Telephony.Tests.Registrar;

/// <summary>RFC 3261 §10.3 steps 6–8: durations, several contacts, removal, ordering by Call-ID/CSeq, expiry.</summary>
public sealed class BindingTests : IDisposable
{
    private const string Desk = "<sip:1001@198.51.100.7:5060>";
    private const string Softphone = "<sip:1001@198.51.100.8:5070;transport=tcp>";

    private readonly RegistrarFixture _fixture = new(o => new RegistrarOptions
    {
        Domain = o.Domain,
        Aliases = o.Aliases,
        MinExpires = TimeSpan.FromSeconds(60),
        MaxExpires = TimeSpan.FromSeconds(7200),
        MaxContactsPerAor = 3,
    });

    private readonly TestPhone _phone;

    public BindingTests() => _phone = _fixture.Phone();

    public void Dispose() => _fixture.Dispose();

    [Theory] // §10.3 step 7: Contact expires, else the Expires header, else 3600; longer than the maximum is shortened
    [InlineData(";expires=120", "600", "120")]
    [InlineData("", "600", "600")]
    [InlineData("", null, "3600")]
    [InlineData(";expires=86400", null, "7200")]
    [InlineData(";expires=99999999999", null, "7200")]
    public void The_granted_duration_follows_contact_then_header_then_default(string parameter, string? header, string granted)
    {
        var response = Register(b =>
        {
            b.AddHeader(HeaderId.Contact, Desk + parameter);
            if (header is not null) b.AddHeader(HeaderId.Expires, header);
        });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([("sip:1001@198.51.100.7:5060", granted)], ContactsOf(response));
        var binding = Assert.Single(_fixture.Registrar.GetContacts("1001"));
        Assert.Equal(_fixture.Time.GetUtcNow().AddSeconds(int.Parse(granted)), binding.ExpiresAt);
    }

    [Fact] // §10.3 step 7: 0 < expires < min → 423 Interval Too Brief with Min-Expires, and nothing is bound
    public void Too_brief_an_interval_is_423_with_min_expires()
    {
        var response = Register(b => b.AddHeader(HeaderId.Contact, Desk + ";expires=30"));

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", HeaderOf(response, HeaderId.MinExpires));
        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
    }

    [Fact] // §10.3 step 7: several contacts per address-of-record; lookups order by q, then by recency
    public void Several_contacts_are_ordered_by_q_then_by_most_recent()
    {
        Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.9>;q=0.5"));
        _fixture.Time.Advance(TimeSpan.FromSeconds(5));
        Register(b => b.AddHeader(HeaderId.Contact, Desk));
        _fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var response = Register(b => b.AddHeader(HeaderId.Contact, Softphone + ";q=1.0"));

        var contacts = _fixture.Registrar.GetContacts("1001");

        Assert.Equal(
            ["sip:1001@198.51.100.8:5070;transport=tcp", "sip:1001@198.51.100.7:5060", "sip:1001@198.51.100.9"],
            contacts.Select(c => c.ContactUri));
        Assert.Equal([1.0, 1.0, 0.5], contacts.Select(c => c.Q));
        Assert.Equal(3, response.Contacts.Count());
        Assert.Contains(response.Contacts, c => c.Parameters.GetValue("q") == "0.5");
    }

    [Fact] // §10.3 step 7: expires=0 removes that contact only; the phone said so, so the event says Unregistered
    public void Expires_zero_removes_one_contact()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk).AddHeader(HeaderId.Contact, Softphone));

        var response = Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7:5060>;expires=0"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("sip:1001@198.51.100.8:5070;transport=tcp", Assert.Single(_fixture.Registrar.GetContacts("1001")).ContactUri);
        var removed = _fixture.Events[^1];
        Assert.Equal((RegistrationEventKind.Unregistered, "sip:1001@198.51.100.7:5060"), (removed.Kind, removed.Binding.ContactUri));
    }

    [Fact] // §10.3 step 7 with §19.1.4: a contact written differently but equivalent refreshes the same binding
    public void An_equivalent_contact_refreshes_rather_than_adds()
    {
        Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@Phone.Example.com;transport=tcp>"));
        _fixture.Time.Advance(TimeSpan.FromSeconds(30));

        Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@phone.example.com;TRANSPORT=TCP>"));

        var binding = Assert.Single(_fixture.Registrar.GetContacts("1001"));
        Assert.Equal(_fixture.Time.GetUtcNow().AddSeconds(3600), binding.ExpiresAt);
        Assert.Equal(_fixture.Time.GetUtcNow().AddSeconds(-30), binding.RegisteredAt);
        Assert.Equal([RegistrationEventKind.Registered, RegistrationEventKind.Refreshed], _fixture.Events.Select(e => e.Kind));
    }

    [Fact] // §10.3 step 6: "Contact: *" with "Expires: 0" removes every binding
    public void Wildcard_with_expires_zero_removes_all_bindings()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk).AddHeader(HeaderId.Contact, Softphone));

        var response = Register(b => b.AddHeader(HeaderId.Contact, "*").AddHeader(HeaderId.Expires, "0"));

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Contacts.IsAbsent);
        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
        Assert.Equal(2, _fixture.Events.Count(e => e.Kind == RegistrationEventKind.Unregistered));
    }

    [Fact] // §10.3 step 7: same Call-ID with a CSeq not above the binding's → the update is aborted (500), nothing changes
    public void An_out_of_order_register_from_the_same_call_id_fails_and_changes_nothing()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk));
        var late = _phone.Build(b => b.AddHeader(HeaderId.Contact, Desk + ";expires=0").AddHeader(HeaderId.Contact, Softphone), _phone.Preemptive());
        Register(b => b.AddHeader(HeaderId.Contact, Desk));
        var before = _fixture.Events.Count;

        var response = _fixture.Registrar.HandleRegister(late, _phone.Source).Build();

        Assert.Equal(500, response.StatusCode);
        // Atomic (§10.3 step 7): the softphone in the same request was not added either.
        Assert.Equal("sip:1001@198.51.100.7:5060", Assert.Single(_fixture.Registrar.GetContacts("1001")).ContactUri);
        Assert.Equal(before, _fixture.Events.Count);
    }

    [Fact] // §10.3 step 7: "higher" is strict: the binding's own CSeq again is out of order too
    public void A_register_repeating_the_bindings_cseq_fails()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk));
        _phone.CSeq = Assert.Single(_fixture.Registrar.GetContacts("1001")).CSeq;

        var response = _fixture.Registrar.HandleRegister(_phone.Build(b => b.AddHeader(HeaderId.Contact, Desk + ";expires=0"), _phone.Preemptive()), _phone.Source).Build();

        Assert.Equal(500, response.StatusCode);
        Assert.Single(_fixture.Registrar.GetContacts("1001"));
    }

    [Fact] // §10.3 step 6 applies the same ordering rule to "*"
    public void An_out_of_order_wildcard_removal_fails()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk));
        var late = _phone.Build(b => b.AddHeader(HeaderId.Contact, "*").AddHeader(HeaderId.Expires, "0"), _phone.Preemptive());
        Register(b => b.AddHeader(HeaderId.Contact, Desk));

        Assert.Equal(500, _fixture.Registrar.HandleRegister(late, _phone.Source).Build().StatusCode);
        Assert.Single(_fixture.Registrar.GetContacts("1001"));
    }

    [Fact] // §10.3 step 7: another Call-ID (a rebooted phone) updates regardless of CSeq
    public void A_new_call_id_updates_the_binding_whatever_its_cseq()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk));
        _phone.CSeq = 1;
        _phone.CallId = "rebooted@198.51.100.7";

        var response = Register(b => b.AddHeader(HeaderId.Contact, Desk + ";expires=0"));

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
    }

    [Fact] // Max contacts per AOR: the least recently registered binding is displaced by a newcomer
    public void Beyond_the_maximum_the_least_recently_registered_contact_is_displaced()
    {
        for (var port = 5061; port <= 5063; port++)
        {
            var contact = $"<sip:1001@198.51.100.7:{port}>";
            Register(b => b.AddHeader(HeaderId.Contact, contact));
            _fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }
        // Refreshing the oldest makes the second the least recent.
        Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7:5061>"));
        _fixture.Time.Advance(TimeSpan.FromSeconds(1));

        var response = Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7:5064>"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            ["sip:1001@198.51.100.7:5064", "sip:1001@198.51.100.7:5061", "sip:1001@198.51.100.7:5063"],
            _fixture.Registrar.GetContacts("1001").Select(c => c.ContactUri));
        var displaced = _fixture.Events[^2];
        Assert.Equal((RegistrationEventKind.Displaced, "sip:1001@198.51.100.7:5062"), (displaced.Kind, displaced.Binding.ContactUri));
    }

    [Fact] // A single request asking for more contacts than allowed is refused whole
    public void A_request_with_more_contacts_than_allowed_is_forbidden()
    {
        var response = Register(b =>
        {
            for (var port = 5061; port <= 5064; port++) b.AddHeader(HeaderId.Contact, $"<sip:1001@198.51.100.7:{port}>");
        });

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
    }

    [Fact] // Bindings expire on the clock: a lookup after the expiry finds nothing and reports the expiry once
    public void A_binding_expires_when_its_time_is_up()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk + ";expires=120"));
        _fixture.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(_fixture.Registrar.GetContacts("1001"));

        _fixture.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
        Assert.Empty(_fixture.Registrar.GetContacts("1001"));
        var expired = Assert.Single(_fixture.Events, e => e.Kind == RegistrationEventKind.Expired);
        Assert.Equal(_fixture.Time.GetUtcNow(), expired.At);
    }

    [Fact] // The periodic sweep reports expiries nobody looked up, within one sweep interval
    public void The_sweep_reports_expiries_without_a_lookup()
    {
        Register(b => b.AddHeader(HeaderId.Contact, Desk + ";expires=60"));
        var expiresAt = _fixture.Time.GetUtcNow().AddSeconds(60);

        _fixture.Time.Advance(TimeSpan.FromSeconds(75));

        var expired = Assert.Single(_fixture.Events, e => e.Kind == RegistrationEventKind.Expired);
        Assert.Equal(expiresAt, expired.At);
    }

    [Fact] // NAT: the binding keeps both the Contact and the source the REGISTER came from
    public void A_binding_records_its_source_and_detects_nat()
    {
        _phone.Source = new SipEndPoint(TransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.50"), 40312));

        Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@192.168.1.20:5060>"));

        var binding = Assert.Single(_fixture.Registrar.GetContacts("1001"));
        Assert.Equal(_phone.Source, binding.Source);
        Assert.True(binding.IsBehindNat);
        Assert.Equal("TestPhone/1.0", binding.UserAgent);
        Assert.Equal(_phone.CallId, binding.CallId);
    }

    [Fact] // A phone reachable at its Contact is not flagged, the default port included (§19.1.2)
    public void A_contact_equal_to_the_source_is_not_behind_nat()
    {
        Register(b => b.AddHeader(HeaderId.Contact, "<sip:1001@198.51.100.7>"));

        Assert.False(Assert.Single(_fixture.Registrar.GetContacts("1001")).IsBehindNat);
    }

    private Huawu.Sip.Messages.SipMessage Register(Action<SipMessageBuilder> configure) => _phone.Register(_fixture.Registrar, configure);
}
