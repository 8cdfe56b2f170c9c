using System.Text;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Parsing;

/// <summary>One ";name=value" parameter of a header field or URI, as a view into the message bytes.</summary>
public readonly struct SipParameter
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly ParameterRanges ranges;
    private readonly bool isUriParameter;

    internal SipParameter(ReadOnlyMemory<byte> source, ParameterRanges ranges, bool isUriParameter)
    {
        this.source = source;
        this.ranges = ranges;
        this.isUriParameter = isUriParameter;
    }

    /// <summary>The name as written (URI parameter names may hold escapes).</summary>
    public ReadOnlySpan<byte> NameBytes => ranges.Name.Of(source.Span);

    /// <summary>The value as written; for a quoted value, the text between the quotes with escapes kept.</summary>
    public ReadOnlySpan<byte> ValueBytes => ranges.Value.Of(source.Span);

    public bool HasValue => ranges.HasValue;

    public bool IsQuoted => ranges.IsQuoted;

    /// <summary>The name, with URI escapes decoded (RFC 4475 §3.1.1.3: "%6C%72" is "lr").</summary>
    public string Name => isUriParameter ? PercentEncoding.Decode(NameBytes) : Encoding.UTF8.GetString(NameBytes);

    /// <summary>The value, unquoted or unescaped; null when the parameter has no value.</summary>
    public string? Value =>
        !HasValue ? null
        : IsQuoted ? QuotedString.Unescape(ValueBytes)
        : isUriParameter ? PercentEncoding.Decode(ValueBytes)
        : Encoding.UTF8.GetString(ValueBytes);

    /// <summary>Whether the name equals <paramref name="name"/> ignoring case (RFC 3261 §7.3.1, §19.1.4).</summary>
    public bool NameEquals(ReadOnlySpan<byte> name)
    {
        var raw = NameBytes;
        if (Ascii.EqualsIgnoreCase(raw, name)) return true;
        return isUriParameter && raw.IndexOf((byte)'%') >= 0
            && Ascii.IsValid(name)
            && string.Equals(Name, Encoding.ASCII.GetString(name), StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => HasValue ? $"{Name}={Value}" : Name;
}
