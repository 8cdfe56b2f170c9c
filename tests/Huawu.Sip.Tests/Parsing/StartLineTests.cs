using Huawu.Sip.Messages;

namespace Huawu.Sip.Tests.Parsing;

/// <summary>RFC 3261 §7.1 Request-Line and §7.2 Status-Line.</summary>
public sealed class StartLineTests
{
    private static byte[] WithStartLine(string startLine)
    {
        var lines = SipText.Options();
        lines[0] = startLine;
        return SipText.Message(lines);
    }

    [Fact]
    public void Request_line_gives_method_uri_and_version()
    {
        var message = SipText.Parse(WithStartLine("OPTIONS sip:bob@example.com;transport=tcp SIP/2.0"));

        Assert.True(message.IsRequest);
        Assert.Equal(SipMethod.Options, message.Method);
        Assert.Equal("sip:bob@example.com;transport=tcp", message.RequestUri.ToString());
        Assert.Equal("tcp", message.RequestUri.Transport);
        Assert.True(message.IsSipVersion2);
    }

    [Theory]
    [InlineData("OPTIONS  sip:bob@example.com SIP/2.0")] // two spaces (RFC 4475 §3.1.2.9)
    [InlineData("OPTIONS sip:bob@example.com SIP/2.0 ")] // trailing space (§3.1.2.10)
    [InlineData("OPTIONS sip:bob@example.com; lr SIP/2.0")] // LWS inside the URI (§3.1.2.8)
    [InlineData("OPTIONS sip:bob@example.com")] // no version
    [InlineData("OPTIONS sip:bob@example.com HTTP/1.1")]
    [InlineData("OPT IONS sip:bob@example.com SIP/2.0")]
    [InlineData("OPTIONS sip:bob@example.com SIP/2")]
    public void Request_line_with_anything_but_single_spaces_and_a_version_is_rejected(string line)
    {
        var error = SipText.Reject(WithStartLine(line));

        Assert.Equal("Malformed Request-Line", error.Reason);
        Assert.True(error.CanRespond, "the headers are intact, so a 400 can be sent");
    }

    [Fact]
    public void Request_uri_in_angle_brackets_is_rejected() => // RFC 4475 §3.1.2.7
        Assert.Equal("Bad Request-URI", SipText.Reject(WithStartLine("OPTIONS <sip:bob@example.com> SIP/2.0")).Reason);

    [Fact]
    public void Request_uri_with_headers_is_rejected() => // RFC 3261 §19.1.1 table 1; RFC 4475 §3.1.2.11
        Assert.Equal("Bad Request-URI", SipText.Reject(WithStartLine("OPTIONS sip:bob@example.com?Subject=hi SIP/2.0")).Reason);

    [Fact]
    public void Request_in_another_sip_version_parses_so_it_can_be_answered_505()
    {
        var message = SipText.Parse(WithStartLine("OPTIONS sip:bob@example.com SIP/7.0"));

        Assert.False(message.IsSipVersion2);
        Assert.Equal("SIP/7.0", SipText.Text(message.VersionBytes));
    }

    [Fact]
    public void Methods_are_case_sensitive()
    {
        var lines = SipText.Options();
        lines[0] = "options sip:bob@example.com SIP/2.0";
        lines[6] = "CSeq: 1 options";
        var message = SipText.Parse(lines);

        Assert.Equal(KnownMethod.Unknown, message.Method.Known);
        Assert.Equal("options", message.Method.Name);
    }

    [Theory]
    [InlineData("SIP/2.0 180 Ringing", 180, "Ringing")]
    [InlineData("SIP/2.0 200 OK", 200, "OK")]
    [InlineData("SIP/2.0 100 ", 100, "")] // RFC 4475 §3.1.1.13
    [InlineData("SIP/2.0 183", 183, "")]
    [InlineData("SIP/2.0 699 Reason with\ttab and ünïcode", 699, "Reason with\ttab and ünïcode")]
    public void Status_line_gives_code_and_reason(string line, int code, string reason)
    {
        var message = SipText.Parse(Response(line));

        Assert.True(message.IsResponse);
        Assert.Equal(code, message.StatusCode);
        Assert.Equal(reason, message.ReasonPhrase);
        Assert.Equal(SipMethod.Invite, message.Method);
    }

    [Theory]
    [InlineData("SIP/2.0 99 Too Small", "Bad status code")]
    [InlineData("SIP/2.0 700 Too Big", "Bad status code")]
    [InlineData("SIP/2.0 2000 OK", "Bad status code")]
    [InlineData("SIP/2.0 4294967301 better not break the receiver", "Bad status code")] // RFC 4475 §3.1.2.19
    [InlineData("SIP/2.0 2x0 OK", "Bad status code")]
    [InlineData("SIP/3.0 200 OK", "Unsupported SIP version")]
    [InlineData("SIP/2.0 200 O\u0001K", "Malformed Status-Line")]
    [InlineData("SIP/2.0/200 OK", "Malformed Status-Line")]
    public void Bad_status_lines_are_dropped(string line, string reason)
    {
        var error = SipText.Reject(Response(line));

        Assert.Equal(reason, error.Reason);
        Assert.False(error.LooksLikeRequest);
        Assert.False(error.CanRespond);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void Nothing_but_line_breaks_is_an_empty_message(string text)
    {
        var error = SipText.Reject(System.Text.Encoding.ASCII.GetBytes(text));

        Assert.Equal("Empty message", error.Reason);
        Assert.False(error.CanRespond);
    }

    [Fact]
    public void Line_breaks_before_the_start_line_are_ignored() // RFC 3261 §7.5
    {
        var message = SipText.Parse([.. "\r\n\r\n"u8, .. SipText.Message(SipText.Options())]);

        Assert.StartsWith("OPTIONS ", SipText.Text(message.Buffer));
    }

    private static byte[] Response(string statusLine) => SipText.Message(
        statusLine,
        "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKabc123",
        "From: <sip:alice@example.com>;tag=1",
        "To: <sip:bob@example.com>;tag=2",
        "Call-ID: call-1@example.com",
        "CSeq: 1 INVITE",
        "Content-Length: 0");
}
