using System.Text;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Tests;

/// <summary>Helpers to write test messages readably: lines joined with CRLF, parsed or failed.</summary>
internal static class SipText
{
    /// <summary>Joins header lines with CRLF and appends the empty line and the body.</summary>
    public static byte[] MessageWithBody(string body, params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n" + body);

    public static byte[] Message(params string[] lines) => MessageWithBody("", lines);

    public static SipMessage Parse(byte[] bytes)
    {
        Assert.True(SipParser.TryParse(bytes, out var message, out var error), $"Expected to parse, but: {error.Reason}");
        return message;
    }

    public static SipMessage Parse(params string[] lines) => Parse(Message(lines));

    public static SipParseError Reject(byte[] bytes)
    {
        Assert.False(SipParser.TryParse(bytes, out _, out var error), "Expected a parse error.");
        return error;
    }

    public static SipParseError Reject(params string[] lines) => Reject(Message(lines));

    /// <summary>A minimal valid OPTIONS with the given extra header lines appended.</summary>
    public static string[] Options(params string[] extra) =>
    [
        "OPTIONS sip:bob@example.com SIP/2.0",
        "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKabc123",
        "Max-Forwards: 70",
        "From: <sip:alice@example.com>;tag=1",
        "To: <sip:bob@example.com>",
        "Call-ID: call-1@example.com",
        "CSeq: 1 OPTIONS",
        .. extra,
        "Content-Length: 0",
    ];

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
