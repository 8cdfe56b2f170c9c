using System.Diagnostics.CodeAnalysis;

namespace Huawu.Telephony.Sdp;

/// <summary>The field grammars of RFC 4566 §5 and §9 for the lines that are more than free text.</summary>
internal static class SdpFields
{
    private static readonly char[] Space = [' '];

    public static string? Once(ref string? field, string value, string what)
    {
        if (field is not null) return $"a second {what} line";
        field = value;
        return null;
    }

    public static bool TryParseOrigin(string value, [NotNullWhen(true)] out SdpOrigin? origin)
    {
        origin = null;
        var parts = value.Split(Space, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6
            || !SdpNumbers.TryParseUnsigned(parts[1], out var sessionId)
            || !SdpNumbers.TryParseUnsigned(parts[2], out var sessionVersion))
        {
            return false;
        }
        origin = new SdpOrigin(parts[0], sessionId, sessionVersion, new SdpConnection(parts[3], parts[4], parts[5]));
        return true;
    }

    public static bool TryParseConnection(string value, [NotNullWhen(true)] out SdpConnection? connection)
    {
        var parts = value.Split(Space, StringSplitOptions.RemoveEmptyEntries);
        connection = parts.Length == 3 ? new SdpConnection(parts[0], parts[1], parts[2]) : null;
        return connection is not null;
    }

    public static bool TryParseTiming(string value, [NotNullWhen(true)] out SdpTiming? timing)
    {
        timing = null;
        var parts = value.Split(Space, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !SdpNumbers.TryParseUnsigned(parts[0], out var start)
            || !SdpNumbers.TryParseUnsigned(parts[1], out var stop))
        {
            return false;
        }
        timing = new SdpTiming(start, stop);
        return true;
    }

    public static string? AddBandwidth(List<SdpBandwidth> bandwidths, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !SdpNumbers.TryParseUnsigned(value.AsSpan(colon + 1), out var kilobits))
        {
            return $"b={value} needs <bwtype>:<bandwidth>";
        }
        bandwidths.Add(new SdpBandwidth(value[..colon], kilobits));
        return null;
    }

    /// <summary><c>m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; …</c> (RFC 4566 §5.14).</summary>
    public static bool TryParseMediaLine(string value, [NotNullWhen(true)] out SdpParser.MediaBuilder? media, [NotNullWhen(false)] out string? problem)
    {
        media = null;
        var parts = value.Split(Space, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            problem = $"m={value} needs <media> <port> <proto> <fmt> …";
            return false;
        }
        var portText = parts[1].AsSpan();
        int? portCount = null;
        var slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            if (!SdpNumbers.TryParsePort(portText[(slash + 1)..], out var count) || count == 0)
            {
                problem = $"m={value} has a bad port count";
                return false;
            }
            portCount = count;
            portText = portText[..slash];
        }
        if (!SdpNumbers.TryParsePort(portText, out var port))
        {
            problem = $"m={value} has a bad port";
            return false;
        }
        // RFC 4566 §5.14 requires a format, but rejected streams ("m=video 0 RTP/AVP") sometimes come without one.
        if (parts.Length == 3 && port != 0)
        {
            problem = $"m={value} lists no formats";
            return false;
        }
        media = new SdpParser.MediaBuilder(parts[0], port, portCount, parts[2], parts[3..]);
        problem = null;
        return true;
    }

    /// <summary>Keeps every attribute; the ones the offer/answer engine reads must be well formed.</summary>
    public static string? AddAttribute(List<SdpAttribute> attributes, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value : value[..colon];
        var attributeValue = colon < 0 ? null : value[(colon + 1)..];
        if (name.Length == 0 || name.AsSpan().ContainsAny(" \t")) return $"a={value} has no attribute name";
        var wellFormed = name.ToLowerInvariant() switch
        {
            SdpRtpMap.AttributeName => NamesPayloadType(attributeValue),
            SdpFmtp.AttributeName => SdpFmtp.TryParse(attributeValue, out _),
            SdpRtcp.AttributeName => SdpRtcp.TryParse(attributeValue, out _),
            "ptime" or "maxptime" => SdpNumbers.TryParseMilliseconds(attributeValue, out _),
            _ => true,
        };
        if (!wellFormed) return $"a={value} is malformed";
        attributes.Add(new SdpAttribute(name, attributeValue));
        return null;
    }

    /// <summary>
    /// An rtpmap must at least name a payload type and an encoding. A missing clock rate, as in RFC 4475's
    /// "a=rtpmap:31 LPC", only makes the mapping unreadable: the static table or nothing stands in for it.
    /// </summary>
    private static bool NamesPayloadType(string? value)
    {
        var space = value?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return space > 0
            && SdpNumbers.TryParsePayloadType(value.AsSpan(0, space), out _)
            && !value.AsSpan(space + 1).IsWhiteSpace();
    }
}
