using Huawu.Sip.Uris;

namespace Huawu.Sip.Tests.Uris;

/// <summary>RFC 3261 §19.1 SIP and SIPS URIs, RFC 3966 TEL URIs, and other absolute URIs.</summary>
public sealed class SipUriTests
{
    [Fact]
    public void All_parts_of_a_sip_uri_are_located()
    {
        var uri = SipUri.Parse("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");

        Assert.Equal(UriScheme.Sips, uri.Scheme);
        Assert.True(uri.IsSip);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("atlanta.example.com", uri.Host);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("239.255.255.1", uri.Parameters.GetValue("maddr"));
        Assert.Equal("project x", uri.Headers.GetValue("Subject"));
        Assert.Equal("urgent", uri.Headers.GetValue("priority"));
    }

    [Theory]
    [InlineData("sip:example.com", null, "example.com", 0)]
    [InlineData("SIP:Bob@EXAMPLE.com", "Bob", "EXAMPLE.com", 0)]
    [InlineData("sip:+1-212-555-1212:1234@gateway.com;user=phone", "+1-212-555-1212", "gateway.com", 0)]
    [InlineData("sip:alice@192.0.2.4:5080", "alice", "192.0.2.4", 5080)]
    [InlineData("sip:alice@[2001:db8::10]:5070", "alice", "[2001:db8::10]", 5070)]
    [InlineData("sip:[::1]", null, "[::1]", 0)]
    [InlineData("sip:[::ffff:192.0.2.1]", null, "[::ffff:192.0.2.1]", 0)]
    [InlineData("sip:host.example.com.", null, "host.example.com.", 0)]
    [InlineData("sip:%61lice@example.com", "alice", "example.com", 0)]
    public void Users_hosts_and_ports(string text, string? user, string host, int port)
    {
        Assert.True(SipUri.TryParse(text, out var uri));
        Assert.Equal((user, host, port), (uri.User, uri.Host, uri.Port));
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:@example.com")] // empty user
    [InlineData("sip:alice@")] // empty host
    [InlineData("sip:alice@exa mple.com")]
    [InlineData("sip:alice@example.com:65536")]
    [InlineData("sip:alice@example.com:")]
    [InlineData("sip:alice@-bad.example.com")]
    [InlineData("sip:alice@bad-.example.com")]
    [InlineData("sip:alice@256.1.1.1")]
    [InlineData("sip:alice@1.2.3")]
    [InlineData("sip:alice@ex..ample.com")]
    [InlineData("sip:alice@[2001:db8:::1]")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("sip:alice@[1:2:3:4:5:6:7:8:9]")]
    [InlineData("sip:al%4ice@example.com")] // bad escape
    [InlineData("sip:alice@example.com;")] // empty parameter
    [InlineData("sip:alice@example.com;a=")]
    [InlineData("sip:alice@example.com?")]
    [InlineData("sip:alice@example.com?novalue")]
    [InlineData("sip:a<b@example.com")]
    [InlineData("<sip:alice@example.com>")]
    [InlineData("1sip:alice@example.com")]
    [InlineData("nocolon")]
    [InlineData("tel:")]
    [InlineData("mailto:")]
    public void Malformed_uris_are_rejected(string text) => Assert.False(SipUri.TryParse(text, out _));

    [Fact]
    public void Escapes_decode_in_user_password_parameters_and_headers() // RFC 4475 §3.1.1.3
    {
        var uri = SipUri.Parse("sip:sips%3Auser%40example.com:p%40ss@example.net;%6C%72;n%61me=v%61lue%25%34%31?Route=%3Csip:example.com%3E");

        Assert.Equal("sips:user@example.com", uri.User);
        Assert.Equal("p@ss", uri.Password);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("value%41", uri.Parameters.GetValue("name"));
        Assert.Equal("<sip:example.com>", uri.Headers.GetValue("route"));
        Assert.Equal("sips%3Auser%40example.com", SipText.Text(uri.UserBytes));
    }

    [Fact]
    public void The_first_at_sign_ends_a_user_part_holding_semicolons_and_question_marks() // RFC 4475 §3.1.1.9
    {
        var uri = SipUri.Parse("sip:user;par=u%40example.net?x@example.com;p=1");

        Assert.Equal("user;par=u@example.net?x", uri.User);
        Assert.Equal("example.com", uri.Host);
        Assert.Equal("1", uri.Parameters.GetValue("p"));
    }

    [Fact]
    public void Tel_uris_keep_the_subscriber_and_parameters() // RFC 3966
    {
        var uri = SipUri.Parse("tel:+1-201-555-0123;phone-context=example.com;ext=22");

        Assert.Equal(UriScheme.Tel, uri.Scheme);
        Assert.False(uri.IsSip);
        Assert.Equal("+1-201-555-0123", uri.User);
        Assert.Equal("example.com", uri.Parameters.GetValue("phone-context"));
        Assert.Equal("22", uri.Parameters.GetValue("ext"));
    }

    [Theory]
    [InlineData("http://www.example.com/a?b=c#d", "http")]
    [InlineData("isbn:2983792873", "isbn")] // RFC 4475 §3.3.4
    [InlineData("urn:service:sos", "urn")]
    [InlineData("soap.beep://192.0.2.103:3002", "soap.beep")] // RFC 4475 §3.3.3
    public void Other_absolute_uris_are_kept_opaque(string text, string scheme)
    {
        var uri = SipUri.Parse(text);

        Assert.Equal(UriScheme.Other, uri.Scheme);
        Assert.Equal(scheme, SipText.Text(uri.SchemeBytes));
        Assert.Equal(text, uri.ToString());
        Assert.Null(uri.User);
    }

    [Fact]
    public void Parameter_names_compare_ignoring_case_and_escapes()
    {
        var uri = SipUri.Parse("sip:example.com;TRANSPORT=udp;%6C%72");

        Assert.Equal("udp", uri.Transport);
        Assert.True(uri.Parameters.Contains("LR"));
        Assert.Equal(["TRANSPORT=udp", "lr"], uri.Parameters.ToList().Select(p => p.ToString()));
    }
}
