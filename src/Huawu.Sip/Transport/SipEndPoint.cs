using System.Net;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Transport;

/// <summary>An address a SIP message travels from or to: transport, IP address and port.</summary>
public readonly record struct SipEndPoint(TransportProtocol Transport, IPEndPoint EndPoint)
{
    public override string ToString() => $"{TransportProtocols.NameOf(Transport).ToLowerInvariant()}:{EndPoint}";
}
