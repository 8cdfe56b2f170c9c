using System.Net;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Stack;

/// <summary>
/// Turns a built request into one ready to send (RFC 3261 §8.1.2, §18.1.1): the next hop from a destination
/// override, the first Route, the outbound proxy or the Request-URI; its address (an IP literal, or a name through
/// the resolver); the transport; then the Via with a fresh branch and rport, Contact and User-Agent when missing.
/// </summary>
internal sealed class RequestSender
{
    // RFC 3261 §18.1.1: a request within 200 bytes of a 1500-byte path MTU goes over a congestion-controlled transport.
    private const int UdpSizeLimit = 1300;

    private readonly TransportSet transports;
    private readonly LocalAddresses local;
    private readonly ISipHostResolver resolver;
    private readonly string userAgent;

    public RequestSender(TransportSet transports, LocalAddresses local, ISipHostResolver resolver, string userAgent)
    {
        this.transports = transports;
        this.local = local;
        this.resolver = resolver;
        this.userAgent = userAgent;
    }

    /// <summary>The request with its Via, and its route; null when no route exists (the caller reports a 503).</summary>
    public async ValueTask<PreparedRequest?> PrepareAsync(SipMessageBuilder request, string? destination)
    {
        if (!TryFindNextHop(request, destination, out var hop)) return null;
        IPAddress? address;
        if (!hop.TryGetAddress(out address))
        {
            var addresses = await resolver.ResolveAsync(hop.Host, CancellationToken.None);
            address = addresses.FirstOrDefault(a => transports.Find(hop.Transport, a.AddressFamily) is not null);
            if (address is null) return null;
        }
        var protocol = hop.Transport;
        if (protocol == TransportProtocol.Udp && !hop.TransportIsExplicit
            && request.GetByteCount() + 200 > UdpSizeLimit && transports.Find(TransportProtocol.Tcp, address.AddressFamily) is not null)
        {
            protocol = TransportProtocol.Tcp;
        }
        return transports.TryRoute(protocol, address, hop.Port, out var route) ? Finish(request, route) : null;
    }

    /// <summary>Gives a request its Via for a route already known (a CANCEL follows its INVITE, RFC 3261 §9.1).</summary>
    public PreparedRequest Finish(SipMessageBuilder request, OutboundRoute route)
    {
        var transport = route.Transport;
        request.SetFirst(HeaderId.Via, $"SIP/2.0/{TransportProtocols.NameOf(transport.Protocol)} {local.SentBy(transport)};branch={SipIdentifiers.NewBranch()};rport");
        if (request.GetHeader(HeaderId.Contact) is null && NeedsContact(request.Method)) request.AddHeader(HeaderId.Contact, local.Contact(transport));
        if (request.GetHeader(HeaderId.UserAgent) is null) request.AddHeader(HeaderId.UserAgent, userAgent);
        return new PreparedRequest(request.Build(), route);
    }

    /// <summary>A Contact for a response that creates or refreshes a dialog, reaching this node the way the request came.</summary>
    public string ContactFor(ISipTransport transport) => local.Contact(transport);

    // RFC 3261 §8.1.1.8: requests that can establish a dialog carry a Contact; so do target refreshes (§12.2.1.1)
    // and REGISTER, whose Contact is the binding.
    private static bool NeedsContact(SipMethod method) =>
        method.Known is KnownMethod.Invite or KnownMethod.Subscribe or KnownMethod.Refer or KnownMethod.Update
            or KnownMethod.Notify or KnownMethod.Register;

    private static bool TryFindNextHop(SipMessageBuilder request, string? destination, out NextHop hop)
    {
        hop = default;
        var target = destination ?? FirstRouteUri(request.GetHeader(HeaderId.Route)) ?? request.RequestUriText.ToString();
        return SipUri.TryParse(target, out var uri) && NextHop.TryFromUri(uri, out hop);
    }

    /// <summary>The URI of the first Route value: Route values are always name-addr, so it lies between '&lt;' and '&gt;'.</summary>
    private static string? FirstRouteUri(string? routeLine)
    {
        if (routeLine is null) return null;
        var open = routeLine.IndexOf('<', StringComparison.Ordinal);
        var close = routeLine.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? routeLine[(open + 1)..close] : null;
    }
}
