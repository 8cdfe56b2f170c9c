using System.Net;
using System.Net.Sockets;

namespace Huawu.Sip.Transport;

/// <summary>A TCP connection, accepted by a listener or opened towards a peer (a trunk, a phone's sent-by).</summary>
internal sealed class TcpConnection : StreamConnection
{
    private readonly Socket socket;
    private readonly bool isOutgoing;

    private TcpConnection(IStreamConnectionHost host, Socket socket, IPEndPoint remote, bool isOutgoing)
        : base(host, remote)
    {
        this.socket = socket;
        this.isOutgoing = isOutgoing;
        // SIP messages are small and latency-bound; do not wait to coalesce them.
        socket.NoDelay = true;
    }

    public static TcpConnection Accepted(IStreamConnectionHost host, Socket socket) =>
        new(host, socket, (IPEndPoint)socket.RemoteEndPoint!, isOutgoing: false);

    public static TcpConnection Outgoing(IStreamConnectionHost host, IPEndPoint remote) =>
        new(host, new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp), remote, isOutgoing: true);

    protected override async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        if (isOutgoing)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Host.Limits.ConnectTimeout);
            await socket.ConnectAsync(RemoteEndPoint, timeout.Token);
        }
        return new NetworkStream(socket, ownsSocket: true);
    }

    protected override void Abort() => socket.Dispose();
}
