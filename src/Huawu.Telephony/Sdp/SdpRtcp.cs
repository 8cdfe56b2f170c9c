using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// <c>a=rtcp:&lt;port&gt; [&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;]</c> (RFC 3605 §2.1): where RTCP
/// goes when it is not the RTP port + 1 on the same address.
/// </summary>
public sealed record SdpRtcp(int Port, SdpConnection? Connection = null)
{
    public const string AttributeName = "rtcp";

    public static bool TryParse(string? value, [NotNullWhen(true)] out SdpRtcp? rtcp)
    {
        rtcp = null;
        if (value is null) return false;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (1 or 4) || !SdpNumbers.TryParsePort(parts[0], out var port)) return false;
        rtcp = new SdpRtcp(port, parts.Length == 4 ? new SdpConnection(parts[1], parts[2], parts[3]) : null);
        return true;
    }

    public override string ToString() => Connection is null
        ? Port.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Port} {Connection}");
}
