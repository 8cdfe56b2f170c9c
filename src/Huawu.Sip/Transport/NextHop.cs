using System.Net;
using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Transport;

/// <summary>
/// Where a request goes next, read from a URI (the first Route, or the Request-URI) by RFC 3263 §4 without
/// NAPTR and SRV: the transport parameter or the scheme's default, maddr over the host (RFC 3261 §19.1.1), and
/// the explicit port or the transport's default.
/// </summary>
internal readonly record struct NextHop(TransportProtocol Transport, string Host, int Port, bool TransportIsExplicit)
{
    public const int DefaultPort = 5060;
    public const int DefaultSecurePort = 5061;

    /// <summary>The hop for a SIP or SIPS URI; false for other schemes, which the stack cannot route.</summary>
    public static bool TryFromUri(SipUri uri, out NextHop hop)
    {
        hop = default;
        if (!uri.IsSip) return false;
        var transportName = uri.Transport;
        var transport = transportName is null
            ? uri.Scheme == UriScheme.Sips ? TransportProtocol.Tls : TransportProtocol.Udp
            : TransportProtocols.Recognize(Encoding.ASCII.GetBytes(transportName));
        if (transport == TransportProtocol.Unknown) return false;
        var host = uri.Parameters.GetValue("maddr") is { Length: > 0 } maddr ? maddr : uri.Host;
        var port = uri.HasPort ? uri.Port : transport == TransportProtocol.Tls ? DefaultSecurePort : DefaultPort;
        hop = new NextHop(transport, Unbracket(host), port, transportName is not null);
        return true;
    }

    /// <summary>The host as an IP address when it is a literal (IPv6 brackets removed).</summary>
    public bool TryGetAddress(out IPAddress address) => IPAddress.TryParse(Host, out address!);

    private static string Unbracket(string host) =>
        host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
}
