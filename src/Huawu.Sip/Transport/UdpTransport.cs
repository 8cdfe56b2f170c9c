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

    private readonly Socket socket;
    private readonly int receiveLoops;
    private readonly SipCounters counters;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> loops = [];
    private ITransportSink? sink;

    public UdpTransport(IPEndPoint bindTo, int receiveLoops, SipCounters counters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveLoops, 1);
        socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
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
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, address, stopping.Token);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize)
                {
                    // An ICMP error for an earlier send (reported this way on some platforms), or an oversized datagram.
                    continue;
                }
                if (length == 0) continue;
                var source = (IPEndPoint)LocalEndPoint.Create(address);
                counters.Increment(SipCounter.MessagesReceived);
                sink!.OnReceived(new ReceivedMessage(buffer.AsSpan(0, length).ToArray(), this, source, null));
            }
        }
        catch (OperationCanceledException)
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
        await stopping.CancelAsync();
        socket.Dispose();
        await Task.WhenAll(loops);
        stopping.Dispose();
    }
}
