using System.Net;
using Huawu.Sip.Headers;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// Where a request came from as the socket saw it: transport, source address and port. This is what NAT leaves
/// of a phone's address, as opposed to what its Via or Contact claim (RFC 3261 §18.2.1, RFC 3581).
/// </summary>
public readonly record struct SignalingEndPoint(TransportProtocol Transport, IPEndPoint EndPoint)
{
    /// <summary>The source address with an IPv4-mapped IPv6 address (a dual-stack socket's view) made IPv4.</summary>
    public IPAddress Address => EndPoint.Address.IsIPv4MappedToIPv6 ? EndPoint.Address.MapToIPv4() : EndPoint.Address;

    public override string ToString() => $"{Transport.ToString().ToUpperInvariant()} {EndPoint}";
}
