using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Transport;

/// <summary>
/// A UDP socket with a few concurrent receive loops on the thread pool, each reusing one pooled buffer and one
/// <see cref="SocketAddress"/>, so receiving allocates nothing but the message's own bytes.
/// </summary>
internal sealed class UdpTransport : ISipTransport
{
    // The largest UDP payload; a datagram larger than the buffer would be truncated.
    private const int ReceiveBufferSize = 65_536;

    // The kernel's queue for this socket. Its default (rmem_default, ~208 KiB) holds about a tenth of a second of
    // traffic at 700 calls/s, so a short pause of the receive loops (a GC) dropped requests that then waited 500 ms
    // for a retransmission (docs/performance.md, "Load"). The kernel caps the request at net.core.rmem_max.
    private const int SocketReceiveBufferBytes = 4 * 1024 * 1024;

    private readonly Socket socket;
    private readonly int receiveLoops;
    private readonly SipCounters counters;
    private volatile bool stopped;
    private readonly List<Task> loops = [];
    private ITransportSink? sink;

    public UdpTransport(IPEndPoint bindTo, int receiveLoops, SipCounters counters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveLoops, 1);
        socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = SocketReceiveBufferBytes };
        this.receiveLoops = receiveLoops;
        this.counters = counters;
        LocalEndPoint = bindTo;
    }

    public TransportProtocol Protocol => TransportProtocol.Udp;

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint { get; private set; }

    public void Start(ITransportSink sink)
    {
        this.sink = sink;
        socket.Bind(LocalEndPoint);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        for (var i = 0; i < receiveLoops; i++) loops.Add(Task.Run(ReceiveLoopAsync));
    }

    public void Send(in OutboundRoute route, ReadOnlyMemory<byte> message, ISendFailureHandler? onFailure)
    {
        try
        {
            socket.SendTo(message.Span, SocketFlags.None, route.Remote);
            counters.Increment(SipCounter.MessagesSent);
        }
        catch (SocketException)
        {
            // An unreachable network or host is reported synchronously (RFC 3261 §18.4: treat as a transport error).
            counters.Increment(SipCounter.TransportErrors);
            onFailure?.OnSendFailed();
        }
        catch (ObjectDisposedException)
        {
            onFailure?.OnSendFailed();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        var address = new SocketAddress(socket.AddressFamily);
        // Most datagrams come from a few peers (a trunk, a proxy): keep the last source rather than remake it.
        var lastAddress = new SocketAddress(socket.AddressFamily);
        IPEndPoint? lastSource = null;
        try
        {
            while (true)
            {
                int length;
                try
                {
                    // No cancellation token: disposing the socket ends the wait, and no registration is made per call.
                    length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, address);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize)
                {
                    // An ICMP error for an earlier send (reported this way on some platforms), or an oversized datagram.
                    continue;
                }
                if (length == 0) continue;
                if (lastSource is null || !address.Equals(lastAddress))
                {
                    lastSource = (IPEndPoint)LocalEndPoint.Create(address);
                    address.Buffer.CopyTo(lastAddress.Buffer);
                    lastAddress.Size = address.Size;
                }
                counters.Increment(SipCounter.MessagesReceived);
                sink!.OnReceived(new ReceivedMessage(buffer.AsSpan(0, length).ToArray(), this, lastSource, null));
            }
        }
        catch (SocketException) when (stopped)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        stopped = true;
        socket.Dispose();
        await Task.WhenAll(loops);
    }
}
