using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// <c>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;encoding parameters&gt;]</c>
/// (RFC 4566 §6; for audio the parameters are the channel count).
/// </summary>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, string? EncodingParameters = null)
{
    public const string AttributeName = "rtpmap";

    public static bool TryParse(string? value, [NotNullWhen(true)] out SdpRtpMap? rtpMap)
    {
        rtpMap = null;
        if (value is null) return false;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !SdpNumbers.TryParsePayloadType(value.AsSpan(0, space), out var payloadType)) return false;
        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clockRate) || clockRate == 0)
        {
            return false;
        }
        rtpMap = new SdpRtpMap(payloadType, parts[0], clockRate, parts.Length == 3 ? parts[2] : null);
        return true;
    }

    public SdpAttribute ToAttribute() => new(AttributeName, ToString());

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PayloadType} {EncodingName}/{ClockRate}{(EncodingParameters is null ? "" : "/" + EncodingParameters)}");
}
