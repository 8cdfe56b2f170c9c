using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Messages;

/// <summary>
/// A received or built SIP message (RFC 3261 §7). It keeps the message bytes and a table of where each header
/// lies in them; typed views are made on use. The bytes are not copied: whoever parsed the message must keep
/// the buffer unchanged for as long as the message is used.
/// </summary>
public sealed partial class SipMessage
{
    private readonly ReadOnlyMemory<byte> buffer;
    private readonly StartLine startLine;
    private readonly HeaderField[] headers;
    private readonly ByteRange body;
    private readonly MessageEssentials essentials;

    internal SipMessage(
        ReadOnlyMemory<byte> buffer,
        StartLine startLine,
        HeaderField[] headers,
        ByteRange body,
        MessageEssentials essentials,
        bool isValidated)
    {
        this.buffer = buffer;
        this.startLine = startLine;
        this.headers = headers;
        this.body = body;
        this.essentials = essentials;
        IsValidated = isValidated;
    }

    /// <summary>The message bytes, from the start line to the end of the body (extra datagram octets excluded).</summary>
    public ReadOnlyMemory<byte> Buffer => buffer;

    public bool IsRequest => startLine.IsRequest;

    public bool IsResponse => !startLine.IsRequest;

    /// <summary>
    /// False only for the partial message a <see cref="SipParseError"/> carries: its headers are located so a
    /// 400 response can be built from them, but its typed accessors are unavailable.
    /// </summary>
    public bool IsValidated { get; }

    /// <summary>The SIP-Version of the start line as written ("SIP/2.0").</summary>
    public ReadOnlySpan<byte> VersionBytes => startLine.Version.Of(buffer.Span);

    /// <summary>Whether the start line says SIP/2.0; a request that does not is answered 505 (RFC 3261 §21.5.6).</summary>
    public bool IsSipVersion2 => Ascii.EqualsIgnoreCase(VersionBytes, "SIP/2.0"u8);

    /// <summary>The request method; for a response, the method of the CSeq it answers.</summary>
    public SipMethod Method => IsRequest ? SipMethod.FromBytes(startLine.KnownMethod, MethodBytes) : CSeq.Method;

    /// <summary>The method token of the Request-Line (empty for responses).</summary>
    public ReadOnlySpan<byte> MethodBytes => startLine.Method.Of(buffer.Span);

    /// <summary>The status code of a response (0 for requests).</summary>
    public int StatusCode => startLine.StatusCode;

    public ReadOnlySpan<byte> ReasonPhraseBytes => startLine.ReasonPhrase.Of(buffer.Span);

    /// <summary>The reason phrase of a response as UTF-8 text (RFC 4475 §3.1.1.12 "unreason"), empty for requests.</summary>
    public string ReasonPhrase => Encoding.UTF8.GetString(ReasonPhraseBytes);

    /// <summary>The body: exactly Content-Length octets, or the rest of the datagram when the header is absent.</summary>
    public ReadOnlyMemory<byte> Body => body.Of(buffer);

    public override string ToString() => Encoding.UTF8.GetString(buffer.Span);
}
