using System.Diagnostics.CodeAnalysis;
using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>
/// A SIP, SIPS, TEL or other absolute URI (RFC 3261 §19.1, RFC 3966) as a view over bytes: parts are located,
/// not copied, and strings are made only when asked for.
/// </summary>
public readonly struct SipUri
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly UriRanges ranges;

    internal SipUri(ReadOnlyMemory<byte> source, UriRanges ranges)
    {
        this.source = source;
        this.ranges = ranges;
    }

    public UriScheme Scheme => ranges.Scheme;

    /// <summary>Whether this is a sip: or sips: URI.</summary>
    public bool IsSip => Scheme is UriScheme.Sip or UriScheme.Sips;

    /// <summary>The whole URI as written.</summary>
    public ReadOnlySpan<byte> RawBytes => ranges.Whole.Of(source.Span);

    public ReadOnlyMemory<byte> RawMemory => ranges.Whole.Of(source);

    /// <summary>The scheme as written ("sip", "SIP", "soap.beep").</summary>
    public ReadOnlySpan<byte> SchemeBytes => RawBytes[..Math.Max(RawBytes.IndexOf((byte)':'), 0)];

    /// <summary>The user part (for tel: the telephone-subscriber), escapes kept.</summary>
    public ReadOnlySpan<byte> UserBytes => ranges.User.Of(source.Span);

    /// <summary>The user part with escapes decoded, or null when there is none (RFC 4475 §3.1.1.3).</summary>
    public string? User => ranges.User.IsEmpty ? null : PercentEncoding.Decode(UserBytes);

    public ReadOnlySpan<byte> PasswordBytes => ranges.Password.Of(source.Span);

    public string? Password => ranges.Password.IsEmpty ? null : PercentEncoding.Decode(PasswordBytes);

    /// <summary>The host as written; an IPv6 reference keeps its brackets.</summary>
    public ReadOnlySpan<byte> HostBytes => ranges.Host.Of(source.Span);

    public string Host => Encoding.ASCII.GetString(HostBytes);

    public bool HasPort => ranges.Port >= 0;

    /// <summary>The explicit port, or 0 when the URI has none (the transport then picks the default).</summary>
    public int Port => Math.Max(ranges.Port, 0);

    public SipParameters Parameters => new(source, ranges.Parameters, isUriParameters: true);

    /// <summary>The URI headers after '?' ("Route=%3Csip:example.com%3E"), escapes kept.</summary>
    public ReadOnlySpan<byte> HeadersBytes => ranges.Headers.Of(source.Span);

    public SipUriHeaders Headers => new(source, ranges.Headers);

    /// <summary>The transport parameter, or null.</summary>
    public string? Transport => Parameters.TryGet("transport"u8, out var p) ? p.Value : null;

    /// <summary>Whether the URI carries the lr parameter of a loose router (RFC 3261 §16.12.1.1).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr"u8);

    public static bool TryParse(string text, out SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), out uri);
    }

    /// <summary>Parses a URI that occupies all of <paramref name="text"/>. Headers ("?…") are allowed.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> text, out SipUri uri)
    {
        var ok = SipUriParser.TryParse(text.Span, new ByteRange(0, text.Length), allowHeaders: true, out var ranges);
        uri = ok ? new SipUri(text, ranges) : default;
        return ok;
    }

    /// <summary>Parses a URI or throws: for URIs in configuration and code, where a bad one is a bug.</summary>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException($"Not a valid URI: '{text}'.");

    [SuppressMessage("Design", "CA1065", Justification = "default(SipUri) has no bytes; ToString of it is empty.")]
    public override string ToString() => Encoding.UTF8.GetString(RawBytes);
}
