using System.Net;
using System.Net.Sockets;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Transport;

/// <summary>The node's transports, and the choice of one for a next hop (same protocol, same address family).</summary>
internal sealed class TransportSet : IAsyncDisposable
{
    public TransportSet(IReadOnlyList<ISipTransport> transports)
    {
        All = transports;
    }

    public IReadOnlyList<ISipTransport> All { get; }

    public void Start(ITransportSink sink)
    {
        foreach (var transport in All) transport.Start(sink);
    }

    public ISipTransport? Find(TransportProtocol protocol, AddressFamily family)
    {
        foreach (var transport in All)
        {
            if (transport.Protocol == protocol && transport.LocalEndPoint.AddressFamily == family) return transport;
        }
        return null;
    }

    /// <summary>A route to <paramref name="address"/> over <paramref name="protocol"/>; false when no transport fits.</summary>
    public bool TryRoute(TransportProtocol protocol, IPAddress address, int port, out OutboundRoute route)
    {
        var transport = Find(protocol, address.AddressFamily);
        route = transport is null ? default : new OutboundRoute(transport, new IPEndPoint(address, port));
        return transport is not null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in All) await transport.DisposeAsync();
    }
}
