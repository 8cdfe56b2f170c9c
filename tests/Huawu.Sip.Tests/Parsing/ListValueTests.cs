using Huawu.Sip.Headers;

namespace Huawu.Sip.Tests.Parsing;

/// <summary>RFC 3261 §7.3.1: comma lists split only where a comma separates values.</summary>
public sealed class ListValueTests
{
    [Fact]
    public void Commas_inside_quotes_and_angle_brackets_do_not_split()
    {
        var message = SipText.Parse(SipText.Options(
            "Contact: \"Doe, John \\\"JD\\\", Jr\" <sip:j,doe@example.com>;q=0.5, <sip:second@example.com>",
            "Contact: sip:third@example.com"));

        var values = message.GetValues(HeaderId.Contact).ToList().Select(SipText.Text);
        Assert.Equal(
            ["\"Doe, John \\\"JD\\\", Jr\" <sip:j,doe@example.com>;q=0.5", "<sip:second@example.com>", "sip:third@example.com"],
            values);

        var contacts = message.Contacts.ToList();
        Assert.Equal("Doe, John \"JD\", Jr", contacts[0].DisplayName);
        Assert.Equal("j,doe", contacts[0].Uri.User);
        Assert.Equal(["sip:j,doe@example.com", "sip:second@example.com", "sip:third@example.com"], contacts.Select(c => c.Uri.ToString()));
    }

    [Fact]
    public void Values_of_one_list_header_combine_across_lines_in_order()
    {
        var message = SipText.Parse(SipText.Options(
            "Supported: timer, 100rel",
            "k: replaces",
            "Supported:"));

        Assert.Equal(["timer", "100rel", "replaces"], message.GetTokens(HeaderId.Supported).ToList().Select(SipText.Text));
    }

    [Theory]
    [InlineData("WWW-Authenticate: Digest realm=\"a, b\", nonce=\"n\", qop=\"auth,auth-int\"", HeaderId.WwwAuthenticate)]
    [InlineData("Authorization: Digest username=\"bob\", realm=\"a\", response=\"x\"", HeaderId.Authorization)]
    [InlineData("Proxy-Authenticate: Digest realm=\"r\", nonce=\"n\"", HeaderId.ProxyAuthenticate)]
    [InlineData("Proxy-Authorization: Digest username=\"b\", nonce=\"n\"", HeaderId.ProxyAuthorization)]
    [InlineData("Date: Sat, 13 Nov 2010 23:29:00 GMT", HeaderId.Date)]
    [InlineData("Subject: lunch, then coffee", HeaderId.Subject)]
    public void Headers_that_are_not_lists_are_never_split(string line, HeaderId id)
    {
        var message = SipText.Parse(SipText.Options(line));

        var value = Assert.Single(message.GetValues(id).ToList());
        Assert.Equal(line[(line.IndexOf(':', StringComparison.Ordinal) + 2)..], SipText.Text(value));
    }

    [Fact]
    public void Authentication_headers_may_repeat_without_being_lists() // RFC 3261 §7.3.1 exception
    {
        var message = SipText.Parse(SipText.Options(
            "WWW-Authenticate: Digest realm=\"one\", nonce=\"1\"",
            "WWW-Authenticate: Digest realm=\"two\", nonce=\"2\""));

        Assert.Equal(2, message.GetValues(HeaderId.WwwAuthenticate).Count());
        Assert.True(message.TryValidateHeaders(out _));
    }

    [Fact]
    public void Unknown_headers_are_found_by_name_one_value_per_line()
    {
        var message = SipText.Parse(SipText.Options("X-Tags: a, b", "x-tags: c"));

        Assert.Equal(["a, b", "c"], message.GetValues("X-TAGS").ToList().Select(SipText.Text));
        Assert.Equal(["timer"], SipText.Parse(SipText.Options("k: timer")).GetValues("Supported").ToList().Select(SipText.Text));
    }

    [Fact]
    public void Enumeration_stops_at_a_malformed_element_and_full_validation_reports_it()
    {
        var message = SipText.Parse(SipText.Options("Contact: <sip:ok@example.com>, <sip:bad example.com>"));

        Assert.Single(message.Contacts.ToList());
        Assert.False(message.TryValidateHeaders(out var reason));
        Assert.Equal("Malformed Contact", reason);
    }
}
