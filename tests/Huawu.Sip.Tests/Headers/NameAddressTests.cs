using Huawu.Sip.Headers;

namespace Huawu.Sip.Tests.Headers;

/// <summary>RFC 3261 §20.10, §20.20, §20.39 and §25.1: name-addr, addr-spec and their parameters.</summary>
public sealed class NameAddressTests
{
    private static NameAddress Parse(string text)
    {
        Assert.True(NameAddress.TryParse(text, out var address), text);
        return address;
    }

    [Theory]
    [InlineData("\"Alice Liddell\" <sip:alice@example.com>;tag=88sja8x", "Alice Liddell", true)]
    [InlineData("Alice Liddell <sip:alice@example.com>;tag=88sja8x", "Alice Liddell", true)]
    [InlineData("Alice<sip:alice@example.com>;tag=88sja8x", "Alice", true)] // RFC 4475 §3.1.1.6
    [InlineData("<sip:alice@example.com>;tag=88sja8x", null, true)]
    [InlineData("sip:alice@example.com;tag=88sja8x", null, false)]
    [InlineData("  sip:alice@example.com ;  tag = 88sja8x", null, false)]
    [InlineData("\"\" <sip:alice@example.com>;tag=88sja8x", null, true)]
    public void Display_names_and_both_address_forms(string text, string? displayName, bool brackets)
    {
        var address = Parse(text);

        Assert.Equal(displayName, address.DisplayName);
        Assert.Equal(brackets, address.HasAngleBrackets);
        Assert.Equal("sip:alice@example.com", address.Uri.ToString());
        Assert.Equal("88sja8x", address.Tag);
    }

    [Fact]
    public void Quoted_display_names_unescape_quoted_pairs()
    {
        var address = Parse("\"Quoted \\\"name\\\" with \\\\ backslash and UTF-8 张三\" <sip:a@example.com>");

        Assert.Equal("Quoted \"name\" with \\ backslash and UTF-8 张三", address.DisplayName);
    }

    [Fact]
    public void Header_parameters_may_be_quoted_and_valueless()
    {
        var address = Parse("<sip:a@example.com;uri-param=1>;expires=3600;q=0.7;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\";reg-id=1;ob");

        Assert.Equal("3600", address.Parameters.GetValue("expires"));
        Assert.Equal("0.7", address.Parameters.GetValue("Q"));
        Assert.Equal("<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>", address.Parameters.GetValue("+sip.instance"));
        Assert.Equal("", address.Parameters.GetValue("ob"));
        Assert.Null(address.Parameters.GetValue("uri-param"));
        Assert.Equal("1", address.Uri.Parameters.GetValue("uri-param"));
    }

    [Fact]
    public void An_addr_spec_ends_at_a_comma_or_semicolon_so_uris_holding_them_need_brackets() // RFC 3261 §20.10
    {
        var unbracketed = SipText.Reject(SipText.Options().Select(l => l.StartsWith("From:", StringComparison.Ordinal) ? "From: sip:a,b@example.com;tag=1" : l).ToArray());
        Assert.Equal("Malformed From", unbracketed.Reason);

        var message = SipText.Parse(SipText.Options("Contact: sip:a@example.com;transport=tcp"));
        var contact = message.Contacts.Single();
        Assert.Equal("sip:a@example.com", contact.Uri.ToString());
        Assert.Equal("tcp", contact.Parameters.GetValue("transport"));
        Assert.Null(contact.Uri.Transport);
    }

    [Fact]
    public void The_contact_wildcard_is_recognized() => Assert.True(Parse("*").IsWildcard);

    [Theory]
    [InlineData("\"Mr. J. User <sip:j.user@example.com>")] // RFC 4475 §3.1.2.6 unterminated quote
    [InlineData("\"Watson, Thomas\" < sip:t.watson@example.org >")] // §3.1.2.14 spaces in addr-spec
    [InlineData("Bell, Alexander <sip:a.g.bell@example.com>")] // §3.1.2.15 comma in a token display name
    [InlineData("sip:user@example.com?Route=%3Csip:sip.example.com%3E")] // §3.1.2.13 '?' outside <>
    [InlineData("<sip:a@example.com")]
    [InlineData("<sip:a@example.com>;tag=\"quoted\"")]
    [InlineData("<sip:a@example.com>;tag")]
    [InlineData("<sip:a@example.com>;")]
    [InlineData("<sip:a@example.com> junk")]
    [InlineData("Alice \"quoted\" <sip:a@example.com>")]
    [InlineData("")]
    public void Malformed_addresses_are_rejected(string text) => Assert.False(NameAddress.TryParse(text, out _), text);

    [Fact]
    public void Route_like_headers_require_angle_brackets() // RFC 3261 §20.30, §20.34: name-addr only
    {
        var message = SipText.Parse(SipText.Options("Route: sip:proxy.example.com;lr"));

        Assert.False(message.TryValidateHeaders(out var reason));
        Assert.Equal("Malformed Route", reason);
    }
}
