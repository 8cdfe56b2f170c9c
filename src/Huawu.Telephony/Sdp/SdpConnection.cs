using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// <c>c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;</c> (RFC 4566 §5.7). The address is kept as
/// written: an IP literal, a host name, or a multicast address with "/ttl[/count]".
/// </summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    public static SdpConnection For(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new("IN", address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());
    }

    /// <summary>The address as an IP literal; false for host names.</summary>
    public bool TryGetIPAddress([NotNullWhen(true)] out IPAddress? address)
    {
        var slash = Address.IndexOf('/', StringComparison.Ordinal);
        return IPAddress.TryParse(slash < 0 ? Address : Address[..slash], out address);
    }

    /// <summary>
    /// 0.0.0.0 (or ::), the RFC 2543 way to put a call on hold: RFC 3264 §8.4 says it means neither RTP
    /// nor RTCP should be sent to the peer, and an agent must understand it.
    /// </summary>
    public bool IsUnspecified =>
        TryGetIPAddress(out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{NetworkType} {AddressType} {Address}");
}
