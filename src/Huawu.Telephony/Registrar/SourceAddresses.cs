using System.Net;
using Huawu.Sip.Transport;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// Where a request came from as the socket saw it: what NAT leaves of a phone's address, as opposed to what its Via
/// or Contact claim (RFC 3261 §18.2.1, RFC 3581).
/// </summary>
internal static class SourceAddresses
{
    /// <summary>The source address, with an IPv4-mapped IPv6 address (a dual-stack socket's view) made IPv4.</summary>
    public static IPAddress HostAddress(this SipEndPoint source) =>
        source.EndPoint.Address.IsIPv4MappedToIPv6 ? source.EndPoint.Address.MapToIPv4() : source.EndPoint.Address;
}
