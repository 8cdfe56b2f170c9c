using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>host = hostname / IPv4address / IPv6reference (RFC 3261 §25.1).</summary>
internal static class HostSyntax
{
    /// <summary>Reads a host at the reader's position; the reader stops right after it.</summary>
    public static bool TryRead(ref SipReader reader, out ByteRange host)
    {
        host = default;
        var start = reader.Position;
        if (reader.Peek() == '[')
        {
            var rest = reader.Source[start..reader.End];
            var close = rest.IndexOf((byte)']');
            if (close < 0 || !IsIPv6Address(rest[1..close])) return false;
            reader.Position = start + close + 1;
            host = new ByteRange(start, close + 1);
            return true;
        }
        return reader.TryReadRun(SipCharacters.Host, out host) && IsHostnameOrIPv4(host.Of(reader.Source));
    }

    /// <summary>hostname = *( domainlabel "." ) toplabel [ "." ]; a name whose last label starts with a digit must be IPv4.</summary>
    public static bool IsHostnameOrIPv4(ReadOnlySpan<byte> host)
    {
        if (host.IsEmpty) return false;
        var trimmed = host[^1] == '.' ? host[..^1] : host;
        if (trimmed.IsEmpty) return false;
        var lastDot = trimmed.LastIndexOf((byte)'.');
        var topLabel = trimmed[(lastDot + 1)..];
        if (topLabel.IsEmpty) return false;
        if (SipCharacters.IsDigit(topLabel[0])) return host[^1] != '.' && IsIPv4Address(host);

        foreach (var range in trimmed.Split((byte)'.'))
        {
            var label = trimmed[range];
            // domainlabel = alphanum / alphanum *( alphanum / "-" ) alphanum
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-') return false;
        }
        return SipCharacters.IsAlpha(topLabel[0]);
    }

    /// <summary>IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT, each at most 255.</summary>
    public static bool IsIPv4Address(ReadOnlySpan<byte> text)
    {
        var parts = 0;
        foreach (var range in text.Split((byte)'.'))
        {
            var part = text[range];
            if (part.IsEmpty || part.Length > 3 || ++parts > 4) return false;
            var value = 0;
            foreach (var b in part)
            {
                if (!SipCharacters.IsDigit(b)) return false;
                value = (value * 10) + (b - '0');
            }
            if (value > 255) return false;
        }
        return parts == 4;
    }

    /// <summary>IPv6address of RFC 3261 §25.1 (RFC 2373 text form), optionally ending in an IPv4 address.</summary>
    public static bool IsIPv6Address(ReadOnlySpan<byte> text)
    {
        var compressed = text.IndexOf("::"u8);
        if (compressed < 0) return CountGroups(text, allowIPv4: true) == 8;
        var left = text[..compressed];
        var right = text[(compressed + 2)..];
        var leftGroups = left.IsEmpty ? 0 : CountGroups(left, allowIPv4: false);
        var rightGroups = right.IsEmpty ? 0 : CountGroups(right, allowIPv4: true);
        return leftGroups >= 0 && rightGroups >= 0 && leftGroups + rightGroups <= 7;
    }

    /// <summary>The number of 16-bit groups in colon-separated hex text (an IPv4 tail counts two), or -1.</summary>
    private static int CountGroups(ReadOnlySpan<byte> text, bool allowIPv4)
    {
        var count = 0;
        foreach (var range in text.Split((byte)':'))
        {
            var group = text[range];
            var isLast = range.End.GetOffset(text.Length) == text.Length;
            if (isLast && allowIPv4 && group.IndexOf((byte)'.') >= 0)
            {
                if (!IsIPv4Address(group)) return -1;
                count += 2;
                continue;
            }
            if (group.IsEmpty || group.Length > 4 || group.IndexOfAnyExcept(SipCharacters.HexDigits) >= 0) return -1;
            count++;
        }
        return count;
    }
}
