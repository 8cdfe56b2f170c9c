using System.Buffers;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Building;

/// <summary>
/// Builds a request or response — start line, headers in order, body — and serializes it canonically: full
/// header names, CRLF line ends, folds unfolded and a Content-Length that matches the body (RFC 3261 §7).
/// Values copied from a received message are kept as bytes and never re-encoded.
/// </summary>
public sealed partial class SipMessageBuilder
{
    private readonly List<BuiltHeader> headers = new(capacity: 8);
    private HeaderText requestUri;
    private readonly string reasonPhrase = "";
    private ReadOnlyMemory<byte> body;

    private SipMessageBuilder(SipMethod method, HeaderText requestUri)
    {
        if (string.IsNullOrEmpty(method.Name)) throw new ArgumentException("A request needs a method.", nameof(method));
        IsRequest = true;
        Method = method;
        this.requestUri = requestUri;
    }

    private SipMessageBuilder(int statusCode, string? reasonPhrase)
    {
        if (statusCode is < 100 or > 699) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Status codes run from 100 to 699.");
        StatusCode = statusCode;
        this.reasonPhrase = reasonPhrase ?? SipStatusCodes.GetReasonPhrase(statusCode);
        SipText.EnsureSingleLine(this.reasonPhrase, nameof(reasonPhrase));
    }

    public bool IsRequest { get; }

    /// <summary>The request method (default for responses).</summary>
    public SipMethod Method { get; }

    /// <summary>The status code (0 for requests).</summary>
    public int StatusCode { get; }

    public static SipMessageBuilder CreateRequest(SipMethod method, string requestUri)
    {
        SipText.EnsureSingleLine(requestUri, nameof(requestUri));
        return new SipMessageBuilder(method, HeaderText.FromText(requestUri));
    }

    public static SipMessageBuilder CreateRequest(SipMethod method, SipUri requestUri) =>
        new(method, HeaderText.FromBytes(requestUri.RawMemory));

    /// <summary>A response from scratch; <see cref="CreateResponse(SipMessage,int,string?,string?)"/> answers a request.</summary>
    public static SipMessageBuilder CreateResponse(int statusCode, string? reasonPhrase = null) => new(statusCode, reasonPhrase);

    /// <summary>Replaces the Request-URI (RFC 3261 §16.6 step 2, retargeting).</summary>
    public SipMessageBuilder SetRequestUri(SipUri uri)
    {
        EnsureRequest();
        requestUri = HeaderText.FromBytes(uri.RawMemory);
        return this;
    }

    public SipMessageBuilder SetRequestUri(string uri)
    {
        EnsureRequest();
        SipText.EnsureSingleLine(uri, nameof(uri));
        requestUri = HeaderText.FromText(uri);
        return this;
    }

    /// <summary>Sets the body and its Content-Type; Content-Length is always computed when serializing.</summary>
    public SipMessageBuilder SetBody(ReadOnlyMemory<byte> content, string contentType)
    {
        body = content;
        return SetHeader(HeaderId.ContentType, contentType);
    }

    public SipMessageBuilder ClearBody()
    {
        body = default;
        RemoveHeaders(HeaderId.ContentType);
        return this;
    }

    /// <summary>The exact number of bytes <see cref="WriteTo(Span{byte})"/> writes.</summary>
    public int GetByteCount() => SipMessageWriter.GetByteCount(this);

    public int WriteTo(Span<byte> destination) => SipMessageWriter.Write(this, destination);

    /// <summary>Serializes into a buffer writer (a pooled buffer, a pipe) in one contiguous span.</summary>
    public int WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = GetByteCount();
        var written = WriteTo(writer.GetSpan(length));
        writer.Advance(written);
        return written;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[GetByteCount()];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Serializes and parses back; a built message that does not parse is a bug in the caller.</summary>
    public SipMessage Build()
    {
        if (SipParser.TryParse(ToArray(), out var message, out var error)) return message;
        throw new InvalidOperationException($"The built message is not valid SIP: {error.Reason}.");
    }

    internal HeaderText RequestUriText => requestUri;

    internal string ReasonPhrase => reasonPhrase;

    internal List<BuiltHeader> HeaderList => headers;

    internal ReadOnlyMemory<byte> Body => body;

    private void EnsureRequest()
    {
        if (!IsRequest) throw new InvalidOperationException("Only a request has a Request-URI.");
    }
}
