namespace Huawu.Sip.Parsing;

internal enum ParameterRead
{
    None,
    Read,
    Malformed,
}

/// <summary>The name and value of one parameter; for a quoted value, the range between the quotes.</summary>
internal readonly record struct ParameterRanges(ByteRange Name, ByteRange Value, bool HasValue, bool IsQuoted);

/// <summary>The two parameter grammars of RFC 3261 §25.1: header generic-param and URI uri-parameter.</summary>
internal static class ParameterSyntax
{
    /// <summary>Reads SEMI generic-param, generic-param = token [ EQUAL gen-value ], gen-value = token / host / quoted-string.</summary>
    public static ParameterRead ReadHeaderParameter(ref SipReader reader, out ParameterRanges parameter)
    {
        parameter = default;
        if (!reader.TryConsumeSeparator((byte)';')) return ParameterRead.None;
        if (!reader.TryReadToken(out var name)) return ParameterRead.Malformed;
        if (!reader.TryConsumeSeparator((byte)'='))
        {
            parameter = new ParameterRanges(name, default, HasValue: false, IsQuoted: false);
            return ParameterRead.Read;
        }
        if (reader.Peek() == '"')
        {
            if (!reader.TryReadQuotedString(out var quoted)) return ParameterRead.Malformed;
            parameter = new ParameterRanges(name, quoted, HasValue: true, IsQuoted: true);
            return ParameterRead.Read;
        }
        if (!reader.TryReadRun(SipCharacters.GenericValue, out var value)) return ParameterRead.Malformed;
        parameter = new ParameterRanges(name, value, HasValue: true, IsQuoted: false);
        return ParameterRead.Read;
    }

    /// <summary>Reads ";" pname [ "=" pvalue ] with pname, pvalue = 1*paramchar, escapes well formed.</summary>
    public static ParameterRead ReadUriParameter(ref SipReader reader, out ParameterRanges parameter)
    {
        parameter = default;
        if (!reader.TryConsume((byte)';')) return ParameterRead.None;
        if (!reader.TryReadEscapedRun(SipCharacters.UriParameter, out var name)) return ParameterRead.Malformed;
        if (!reader.TryConsume((byte)'='))
        {
            parameter = new ParameterRanges(name, default, HasValue: false, IsQuoted: false);
            return ParameterRead.Read;
        }
        if (!reader.TryReadEscapedRun(SipCharacters.UriParameter, out var value)) return ParameterRead.Malformed;
        parameter = new ParameterRanges(name, value, HasValue: true, IsQuoted: false);
        return ParameterRead.Read;
    }
}
