using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>
/// Full syntax checks of the known headers the parser leaves for later (RFC 3261 §25.1), so that a UAS can
/// answer 400 to a message that is routable but malformed elsewhere (RFC 4475 §3.1.2.12–3.1.2.13).
/// </summary>
internal static class HeaderSyntax
{
    private static readonly ElementReader<bool> WarningReader = ReadWarning;

    public static bool TryValidateAll(SipMessage message, out string reason)
    {
        Span<byte> seen = stackalloc byte[(int)HeaderId.WwwAuthenticate + 1];
        var source = message.Buffer;
        foreach (var field in message.HeaderTable)
        {
            // The parser already checked these in a validated message; a partial one gets them checked here.
            if (message.IsValidated && IsCheckedOnReceipt(field.Id)) continue;
            var definition = HeaderNames.Get(field.Id);
            // RFC 3261 §7.3.1: only headers whose values form a comma list may appear more than once.
            if (definition.Shape == HeaderShape.AtMostOnce && seen[(int)field.Id]++ > 0)
            {
                reason = definition.DuplicateReason;
                return false;
            }
            if (!IsValid(field.Id, source, field.Value))
            {
                reason = definition.MalformedReason;
                return false;
            }
        }
        reason = "";
        return true;
    }

    private static bool IsCheckedOnReceipt(HeaderId id) => id is HeaderId.Via or HeaderId.From or HeaderId.To
        or HeaderId.CallId or HeaderId.CSeq or HeaderId.MaxForwards or HeaderId.ContentLength;

    private static bool IsValid(HeaderId id, ReadOnlyMemory<byte> source, ByteRange value) => id switch
    {
        HeaderId.Via => IsList(source, value, id, HeaderElementReaders.Via, allowEmpty: false),
        HeaderId.From or HeaderId.To or HeaderId.ReplyTo or HeaderId.ReferTo or HeaderId.ReferredBy =>
            IsSingle(source, value, id, HeaderElementReaders.NameAddress),
        HeaderId.Contact or HeaderId.Route or HeaderId.RecordRoute or HeaderId.Path or HeaderId.ServiceRoute
            or HeaderId.PAssertedIdentity or HeaderId.PPreferredIdentity =>
            IsList(source, value, id, HeaderElementReaders.NameAddress, allowEmpty: false),
        HeaderId.ContentType => IsSingle(source, value, id, HeaderElementReaders.MediaType),
        HeaderId.Accept => IsList(source, value, id, HeaderElementReaders.MediaType, allowEmpty: true),
        HeaderId.Require or HeaderId.ProxyRequire or HeaderId.Unsupported or HeaderId.Supported or HeaderId.Allow
            or HeaderId.AllowEvents or HeaderId.ContentEncoding or HeaderId.AcceptEncoding or HeaderId.ContentLanguage =>
            IsList(source, value, id, HeaderElementReaders.Token, allowEmpty: true),
        HeaderId.Expires or HeaderId.MinExpires or HeaderId.RSeq => IsDigits(value.Of(source.Span)),
        HeaderId.CallId => EssentialsParser.IsCallId(value.Of(source.Span)),
        HeaderId.CSeq => CSeqHeader.TryParse(source, value, out _),
        HeaderId.MaxForwards => EssentialsParser.TryParseMaxForwards(source.Span, value, out _),
        HeaderId.ContentLength => SipParser.TryParseContentLength(value.Of(source.Span), out _),
        HeaderId.Date => DateSyntax.IsRfc1123Date(value.Of(source.Span)),
        HeaderId.Warning => IsList(source, value, id, WarningReader, allowEmpty: false),
        _ => true,
    };

    private static bool IsList<T>(ReadOnlyMemory<byte> source, ByteRange value, HeaderId id, ElementReader<T> read, bool allowEmpty)
    {
        if (value.IsEmpty) return allowEmpty;
        var reader = new SipReader(source.Span, value);
        bool more;
        do
        {
            if (!read(source, ref reader, id, out _) || !ListSyntax.TryReadSeparator(ref reader, out more)) return false;
        }
        while (more);
        return true;
    }

    private static bool IsSingle<T>(ReadOnlyMemory<byte> source, ByteRange value, HeaderId id, ElementReader<T> read)
    {
        var reader = new SipReader(source.Span, value);
        return read(source, ref reader, id, out _) && ListSyntax.IsAtEnd(ref reader);
    }

    private static bool IsDigits(ReadOnlySpan<byte> value) => !value.IsEmpty && value.IndexOfAnyExcept(SipCharacters.Digits) < 0;

    // warning-value = warn-code SP warn-agent SP warn-text; warn-code = 3DIGIT (RFC 4475 §3.1.2.5 "scalarlg")
    private static bool ReadWarning(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out bool element)
    {
        element = false;
        reader.SkipWhitespace();
        var start = reader.Position;
        if (!reader.TryReadNumber(out _) || reader.Position - start != 3 || !reader.TryConsume((byte)' ')) return false;
        if (!reader.TryReadRun(SipCharacters.GenericValue, out _) || !reader.TryConsume((byte)' ')) return false;
        return element = reader.TryReadQuotedString(out _);
    }
}
