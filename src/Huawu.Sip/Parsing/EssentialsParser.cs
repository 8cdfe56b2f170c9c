using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Parsing;

/// <summary>
/// Checks and locates what makes a message valid and routable: the Request-URI, every Via, From, To, Call-ID,
/// CSeq and Max-Forwards (RFC 3261 §8.1.1, §20). Headers the upper layers may never read stay unparsed.
/// </summary>
internal static class EssentialsParser
{
    public const string BadRequestUri = "Bad Request-URI";
    public const string BadCSeq = "Bad CSeq";
    public const string CSeqMethodMismatch = "CSeq method does not match the request method";
    public const string BadMaxForwards = "Bad Max-Forwards";

    private static readonly HeaderId[] Mandatory = [HeaderId.Via, HeaderId.From, HeaderId.To, HeaderId.CallId, HeaderId.CSeq];
    private static readonly HeaderId[] SingleValued = [HeaderId.From, HeaderId.To, HeaderId.CallId, HeaderId.CSeq, HeaderId.MaxForwards, HeaderId.ContentType];

    /// <summary>Returns null and the located essentials, or a 400 reason.</summary>
    public static string? Parse(ReadOnlyMemory<byte> buffer, StartLine line, HeaderField[] fields, HeaderCensus census, out MessageEssentials essentials)
    {
        essentials = default;
        var span = buffer.Span;

        // RFC 3261 §8.1.1: To, From, CSeq, Call-ID and Via are mandatory (RFC 4475 §3.3.1 "insuf"); single-valued
        // headers must not repeat (§3.3.8 "multi01"). Max-Forwards may be absent for RFC 2543 peers (§3.4.1).
        foreach (var id in Mandatory)
        {
            if (census.Count(id) == 0) return HeaderNames.Get(id).MissingReason;
        }
        foreach (var id in SingleValued)
        {
            if (census.Count(id) > 1) return HeaderNames.Get(id).DuplicateReason;
        }

        var requestUri = default(UriRanges);
        if (line.IsRequest && !SipUriParser.TryParse(span, line.RequestUri, allowHeaders: false, out requestUri)) return BadRequestUri;

        if (!TryParseVias(span, fields, out var topVia)) return HeaderNames.Get(HeaderId.Via).MalformedReason;
        if (!TryParseAddress(span, fields[census.FirstIndex(HeaderId.From)].Value, out var from)) return HeaderNames.Get(HeaderId.From).MalformedReason;
        if (!TryParseAddress(span, fields[census.FirstIndex(HeaderId.To)].Value, out var to)) return HeaderNames.Get(HeaderId.To).MalformedReason;

        var callId = fields[census.FirstIndex(HeaderId.CallId)].Value;
        if (!IsCallId(callId.Of(span))) return HeaderNames.Get(HeaderId.CallId).MalformedReason;

        if (!CSeqHeader.TryParse(buffer, fields[census.FirstIndex(HeaderId.CSeq)].Value, out var cseq)) return BadCSeq;
        // RFC 3261 §8.1.1.5: the CSeq method MUST match the request's (RFC 4475 §3.1.2.17–18, "mismatch01/02").
        if (line.IsRequest && !cseq.MethodBytes.SequenceEqual(line.Method.Of(span))) return CSeqMethodMismatch;

        var maxForwards = -1;
        var maxForwardsIndex = census.FirstIndex(HeaderId.MaxForwards);
        if (maxForwardsIndex >= 0 && !TryParseMaxForwards(span, fields[maxForwardsIndex].Value, out maxForwards)) return BadMaxForwards;

        essentials = new MessageEssentials(requestUri, topVia, from, to, callId, cseq.Number, cseq.KnownMethod, cseq.MethodRange, maxForwards);
        return null;
    }

    /// <summary>Every Via value must parse (RFC 4475 §3.1.2.1 "badinv01"); the first is kept for the transaction layer.</summary>
    private static bool TryParseVias(ReadOnlySpan<byte> span, HeaderField[] fields, out ViaRanges topVia)
    {
        topVia = default;
        var found = false;
        foreach (var field in fields)
        {
            if (field.Id != HeaderId.Via) continue;
            var reader = new SipReader(span, field.Value);
            bool more;
            do
            {
                if (!ViaParser.TryRead(ref reader, out var via) || !ListSyntax.TryReadSeparator(ref reader, out more)) return false;
                if (!found) topVia = via;
                found = true;
            }
            while (more);
        }
        return found;
    }

    private static bool TryParseAddress(ReadOnlySpan<byte> span, ByteRange value, out NameAddressRanges address)
    {
        var reader = new SipReader(span, value);
        return NameAddressParser.TryRead(ref reader, NameAddressForm.Either, out address)
            && ListSyntax.IsAtEnd(ref reader);
    }

    /// <summary>callid = word [ "@" word ] (RFC 3261 §25.1).</summary>
    internal static bool IsCallId(ReadOnlySpan<byte> value)
    {
        var at = value.IndexOf((byte)'@');
        var local = at < 0 ? value : value[..at];
        var host = at < 0 ? default : value[(at + 1)..];
        return !local.IsEmpty && local.IndexOfAnyExcept(SipCharacters.Word) < 0
            && (at < 0 || (!host.IsEmpty && host.IndexOfAnyExcept(SipCharacters.Word) < 0));
    }

    /// <summary>Max-Forwards = 1*DIGIT, 0 to 255 (RFC 3261 §20.22; RFC 4475 §3.1.2.4 "scalar02" has 300).</summary>
    internal static bool TryParseMaxForwards(ReadOnlySpan<byte> span, ByteRange value, out int maxForwards)
    {
        maxForwards = -1;
        var reader = new SipReader(span, value);
        if (!reader.TryReadNumber(out var number) || !reader.AtEnd || number > 255) return false;
        maxForwards = (int)number;
        return true;
    }
}
