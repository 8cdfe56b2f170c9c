using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Messages;

// Typed views of the headers the parser does not check up front; each is parsed when first asked for.
public sealed partial class SipMessage
{
    private const int NotParsed = 0;
    private const int Parsed = 1;
    private const int Absent = 2;

    private MediaType contentType;
    private int contentTypeState;

    public HeaderElements<NameAddress> Contacts => GetAddresses(HeaderId.Contact);

    public HeaderElements<NameAddress> Routes => GetAddresses(HeaderId.Route);

    public HeaderElements<NameAddress> RecordRoutes => GetAddresses(HeaderId.RecordRoute);

    /// <summary>The media ranges of Accept (RFC 3261 §20.1); an empty Accept header yields none.</summary>
    public HeaderElements<MediaType> Accept => new(this, HeaderId.Accept, HeaderElementReaders.MediaType);

    /// <summary>The address values of From, To, Contact, Route, Record-Route, Reply-To, Path, P-Asserted-Identity…</summary>
    public HeaderElements<NameAddress> GetAddresses(HeaderId id) => new(this, id, HeaderElementReaders.NameAddress);

    /// <summary>The option tags or method names of Require, Proxy-Require, Supported, Unsupported, Allow and kin.</summary>
    public HeaderElements<ReadOnlyMemory<byte>> GetTokens(HeaderId id) => new(this, id, HeaderElementReaders.Token);

    /// <summary>The Content-Type (RFC 3261 §20.15), parsed on first use and then cached.</summary>
    public bool TryGetContentType(out MediaType mediaType)
    {
        var state = Volatile.Read(ref contentTypeState);
        if (state == NotParsed)
        {
            // Racing readers compute identical values, so the unsynchronized write is benign.
            state = TryParseContentType(out contentType) ? Parsed : Absent;
            Volatile.Write(ref contentTypeState, state);
        }
        mediaType = state == Parsed ? contentType : default;
        return state == Parsed;
    }

    /// <summary>The Expires header in seconds (RFC 3261 §20.19), or null when absent or not a number.</summary>
    public long? Expires
    {
        get
        {
            if (!TryGetHeader(HeaderId.Expires, out var header)) return null;
            var value = header.ValueBytes;
            var reader = new SipReader(value, new ByteRange(0, value.Length));
            // RFC 3261 §20.19: values beyond 2**32-1 are treated as that limit.
            return reader.TryReadNumber(out var seconds) && reader.AtEnd ? (long)Math.Min(seconds, uint.MaxValue) : null;
        }
    }

    /// <summary>
    /// Parses every known header in the message, not only the ones checked on receipt, and reports the first
    /// malformed one as a 400 reason ("Malformed Contact"). The request validator runs this before accepting.
    /// </summary>
    public bool TryValidateHeaders(out string reason) => HeaderSyntax.TryValidateAll(this, out reason);

    private bool TryParseContentType(out MediaType mediaType)
    {
        mediaType = default;
        foreach (var field in headers)
        {
            if (field.Id != HeaderId.ContentType) continue;
            var reader = new SipReader(buffer.Span, field.Value);
            return MediaType.TryRead(buffer, ref reader, out mediaType) && ListSyntax.IsAtEnd(ref reader);
        }
        return false;
    }
}
