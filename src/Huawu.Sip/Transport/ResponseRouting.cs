using System.Net;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Transport;

/// <summary>Where the responses to a received request go: RFC 3261 §18.2.2 with RFC 3581 §4.</summary>
internal static class ResponseRouting
{
    public static OutboundRoute Route(ISipTransport transport, IPEndPoint source, StreamConnection? connection, ViaHeader topVia, bool forceRport)
    {
        var sentByPort = topVia.HasPort ? topVia.Port : transport.Protocol == TransportProtocol.Tls ? NextHop.DefaultSecurePort : NextHop.DefaultPort;
        if (transport.IsReliable)
        {
            // §18.2.2: over the request's connection while it is open; else a new one to received and the sent-by port.
            return new OutboundRoute(transport, new IPEndPoint(source.Address, sentByPort), connection);
        }
        // §18.2.2: a multicast maddr gets the response at the sent-by port.
        if (topVia.Maddr is { } maddr && IPAddress.TryParse(maddr, out var multicast))
        {
            return new OutboundRoute(transport, new IPEndPoint(multicast, sentByPort));
        }
        // RFC 3581 §4: with rport, back to the source address and port, from the socket the request came to.
        if (topVia.HasRport || forceRport) return new OutboundRoute(transport, source);
        // §18.2.2: to the received address (the source, stamped when it differs from sent-by) at the sent-by port.
        return new OutboundRoute(transport, new IPEndPoint(source.Address, sentByPort));
    }
}
