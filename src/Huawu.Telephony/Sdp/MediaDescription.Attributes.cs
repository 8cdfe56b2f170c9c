namespace Huawu.Telephony.Sdp;

/// <summary>Typed readers over <see cref="MediaDescription.Attributes"/>; unreadable values read as absent.</summary>
public sealed partial class MediaDescription
{
    /// <summary>The media-level direction attribute, if any (see <see cref="SessionDescription.DirectionOf"/>).</summary>
    public MediaDirection? Direction => MediaDirections.Find(Attributes);

    /// <summary>a=ptime: the packet duration in milliseconds the author wants to receive (RFC 4566 §6).</summary>
    public int? PacketTime => SdpNumbers.TryParseMilliseconds(FindValue("ptime"), out var ms) ? ms : null;

    /// <summary>a=maxptime: the longest packet the author can receive, in milliseconds (RFC 4566 §6).</summary>
    public int? MaxPacketTime => SdpNumbers.TryParseMilliseconds(FindValue("maxptime"), out var ms) ? ms : null;

    /// <summary>a=rtcp (RFC 3605).</summary>
    public SdpRtcp? Rtcp => SdpRtcp.TryParse(FindValue(SdpRtcp.AttributeName), out var rtcp) ? rtcp : null;

    public SdpRtpMap? FindRtpMap(int payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (IsNamed(attribute, SdpRtpMap.AttributeName)
                && SdpRtpMap.TryParse(attribute.Value, out var rtpMap)
                && rtpMap.PayloadType == payloadType)
            {
                return rtpMap;
            }
        }
        return null;
    }

    public SdpFmtp? FindFmtp(string format)
    {
        foreach (var attribute in Attributes)
        {
            if (IsNamed(attribute, SdpFmtp.AttributeName)
                && SdpFmtp.TryParse(attribute.Value, out var fmtp)
                && string.Equals(fmtp.Format, format, StringComparison.Ordinal))
            {
                return fmtp;
            }
        }
        return null;
    }

    private string? FindValue(string name) => Attributes.FirstOrDefault(a => IsNamed(a, name))?.Value;

    // Attribute names are case-sensitive in RFC 4566, but no phone means anything else by "PTIME".
    private static bool IsNamed(SdpAttribute attribute, string name) =>
        string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase);
}
