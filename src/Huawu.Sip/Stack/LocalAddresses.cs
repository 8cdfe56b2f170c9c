using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Huawu.Sip.Headers;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Stack;

/// <summary>How this node names itself on each transport: the Via sent-by (RFC 3261 §18.1.1) and the Contact URI.</summary>
internal sealed class LocalAddresses
{
    private readonly string? publicAddress;

    public LocalAddresses(string? publicAddress)
    {
        this.publicAddress = publicAddress;
    }

    /// <summary>host:port for the Via of a request sent over <paramref name="transport"/>.</summary>
    public string SentBy(ISipTransport transport) =>
        HostOf(transport) + ":" + transport.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Contact value reaching this node over <paramref name="transport"/>.</summary>
    public string Contact(ISipTransport transport)
    {
        var parameter = transport.Protocol == TransportProtocol.Udp ? "" : ";transport=" + TransportProtocols.NameOf(transport.Protocol).ToLowerInvariant();
        return "<sip:" + SentBy(transport) + parameter + ">";
    }

    private string HostOf(ISipTransport transport)
    {
        if (!string.IsNullOrEmpty(publicAddress)) return publicAddress;
        var address = transport.LocalEndPoint.Address;
        // A wildcard listener has no address of its own to advertise; the host name is the best guess.
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return Dns.GetHostName();
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
    }
}
