using System.Net;
using System.Net.Sockets;

namespace Huawu.Sip.Transport;

/// <summary>The system resolver: A and AAAA records through the operating system (no NAPTR/SRV).</summary>
internal sealed class DnsHostResolver : ISipHostResolver
{
    public static DnsHostResolver Instance { get; } = new();

    public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            // Unknown host: an expected outcome, reported as no address.
            return [];
        }
    }
}
