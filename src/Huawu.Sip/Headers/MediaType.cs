using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>
/// media-type = m-type SLASH m-subtype *(SEMI m-parameter) (RFC 3261 §20.15), also used for the media-range
/// of Accept where "*" may stand for type or subtype (§20.1). Types compare case-insensitively.
/// </summary>
public readonly struct MediaType
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly ByteRange type;
    private readonly ByteRange subtype;
    private readonly ByteRange parameters;

    internal MediaType(ReadOnlyMemory<byte> source, ByteRange type, ByteRange subtype, ByteRange parameters)
    {
        this.source = source;
        this.type = type;
        this.subtype = subtype;
        this.parameters = parameters;
    }

    public ReadOnlySpan<byte> TypeBytes => type.Of(source.Span);

    public ReadOnlySpan<byte> SubtypeBytes => subtype.Of(source.Span);

    public SipParameters Parameters => new(source, parameters, isUriParameters: false);

    /// <summary>"type/subtype" without parameters.</summary>
    public string MediaTypeName => Encoding.UTF8.GetString(TypeBytes) + "/" + Encoding.UTF8.GetString(SubtypeBytes);

    /// <summary>Whether this type (or range, with "*" wildcards) covers "type/subtype" in <paramref name="name"/>.</summary>
    public bool Matches(ReadOnlySpan<byte> name)
    {
        var slash = name.IndexOf((byte)'/');
        if (slash < 0) return false;
        return Covers(TypeBytes, name[..slash]) && Covers(SubtypeBytes, name[(slash + 1)..]);
    }

    /// <summary>Reads one media type at the reader's position; the reader stops after its parameters.</summary>
    internal static bool TryRead(ReadOnlyMemory<byte> source, ref SipReader reader, out MediaType mediaType)
    {
        mediaType = default;
        reader.SkipWhitespace();
        if (!reader.TryReadToken(out var type) || !reader.TryConsumeSeparator((byte)'/') || !reader.TryReadToken(out var subtype)) return false;
        var parametersStart = reader.Position;
        ParameterRead read;
        while ((read = ParameterSyntax.ReadHeaderParameter(ref reader, out _)) == ParameterRead.Read)
        {
        }
        if (read == ParameterRead.Malformed) return false;
        mediaType = new MediaType(source, type, subtype, ByteRange.FromBounds(parametersStart, reader.Position));
        return true;
    }

    public override string ToString() => MediaTypeName;

    private static bool Covers(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> value) =>
        pattern.SequenceEqual("*"u8) || Ascii.EqualsIgnoreCase(pattern, value);
}
