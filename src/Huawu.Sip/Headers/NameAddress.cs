using System.Text;
using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Headers;

/// <summary>
/// One address value of From, To, Contact, Route, Record-Route and their kin: display name, URI and header
/// parameters (RFC 3261 §20.10, §20.20, §20.39), as a view over the message bytes.
/// </summary>
public readonly struct NameAddress
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly NameAddressRanges ranges;

    internal NameAddress(ReadOnlyMemory<byte> source, NameAddressRanges ranges)
    {
        this.source = source;
        this.ranges = ranges;
    }

    /// <summary>The "*" Contact of a REGISTER that removes every binding (RFC 3261 §10.2.2).</summary>
    public bool IsWildcard => ranges.IsWildcard;

    public bool HasDisplayName => !ranges.DisplayName.IsEmpty;

    /// <summary>The display name as written; for a quoted name, the text between the quotes.</summary>
    public ReadOnlySpan<byte> DisplayNameBytes => ranges.DisplayName.Of(source.Span);

    /// <summary>The display name with quoted-pairs unescaped and folds made single spaces, or null.</summary>
    public string? DisplayName => HasDisplayName ? QuotedString.Unescape(DisplayNameBytes) : null;

    public SipUri Uri => new(source, ranges.Uri);

    /// <summary>Whether the URI was written in angle brackets (name-addr rather than addr-spec).</summary>
    public bool HasAngleBrackets => ranges.HasAngleBrackets;

    /// <summary>The header parameters after the address (tag, expires, q, unknown ones).</summary>
    public SipParameters Parameters => new(source, ranges.Parameters, isUriParameters: false);

    public bool HasTag => !ranges.Tag.IsEmpty;

    public ReadOnlySpan<byte> TagBytes => ranges.Tag.Of(source.Span);

    /// <summary>The tag parameter (RFC 3261 §19.3), or null.</summary>
    public string? Tag => HasTag ? Encoding.UTF8.GetString(TagBytes) : null;

    /// <summary>The whole value as written, parameters included.</summary>
    public ReadOnlySpan<byte> RawBytes => ranges.Whole.Of(source.Span);

    public ReadOnlyMemory<byte> RawMemory => ranges.Whole.Of(source);

    public static bool TryParse(string text, out NameAddress address)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), out address);
    }

    /// <summary>Parses one complete value such as a From or Contact header value.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> text, out NameAddress address)
    {
        var reader = new SipReader(text.Span, new ByteRange(0, text.Length));
        var ok = NameAddressParser.TryRead(ref reader, NameAddressForm.EitherOrWildcard, out var ranges)
            && ListSyntax.IsAtEnd(ref reader);
        address = ok ? new NameAddress(text, ranges) : default;
        return ok;
    }

    public override string ToString() => Encoding.UTF8.GetString(RawBytes);
}
