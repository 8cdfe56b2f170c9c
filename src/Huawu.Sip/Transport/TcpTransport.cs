using System.Net;
using System.Net.Sockets;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Transport;

/// <summary>
/// A TCP listener and every TCP connection of the node, accepted or opened. Connections are shared by client and
/// server transactions and reused per far end (RFC 3261 §18); a message to a far end with no connection opens one.
/// </summary>
internal sealed class TcpTransport : ISipTransport, IStreamConnectionHost
{
    private readonly Socket listener;
    private readonly ConnectionTable connections;
    private readonly CancellationTokenSource stopping = new();
    private ITransportSink? sink;
    private Task accepting = Task.CompletedTask;

    public TcpTransport(IPEndPoint bindTo, SipConnectionLimits limits, TimeProvider time, SipCounters counters)
    {
        listener = new Socket(bindTo.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        Limits = limits;
        Time = time;
        Counters = counters;
        LocalEndPoint = bindTo;
        connections = new ConnectionTable(limits, time);
    }

    public TransportProtocol Protocol => TransportProtocol.Tcp;

    public bool IsReliable => true;

    public IPEndPoint LocalEndPoint { get; private set; }

    public SipConnectionLimits Limits { get; }

    public TimeProvider Time { get; }

    public SipCounters Counters { get; }

    public ISipTransport Transport => this;

    public int ConnectionCount => connections.Count;

    public void Start(ITransportSink sink)
    {
        this.sink = sink;
        listener.Bind(LocalEndPoint);
        listener.Listen(backlog: 512);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        accepting = Task.Run(AcceptLoopAsync);
    }

    public void Send(in OutboundRoute route, ReadOnlyMemory<byte> message, ISendFailureHandler? onFailure)
    {
        // RFC 3261 §18.2.2: a response goes back on the request's connection while it is open; otherwise (and for
        // requests) over a connection to the far end, reused or opened.
        var connection = route.Connection is { IsOpen: true } open ? open : GetOrConnect(route.Remote);
        if (connection is null)
        {
            Counters.Increment(SipCounter.TransportErrors);
            onFailure?.OnSendFailed();
            return;
        }
        connection.Send(message, onFailure);
    }

    public void Deliver(in ReceivedMessage message) => sink!.OnReceived(message);

    public void OnClosed(StreamConnection connection) => connections.Remove(connection);

    private StreamConnection? GetOrConnect(IPEndPoint remote)
    {
        if (connections.TryGet(remote, out var existing)) return existing;
        if (stopping.IsCancellationRequested || !connections.TryReserve()) return null;
        var connection = TcpConnection.Outgoing(this, remote);
        connections.Register(connection);
        connection.Start();
        return connection;
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(stopping.Token);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            if (!connections.TryReserve())
            {
                // The table is full: refuse rather than let a flood of connections exhaust the node.
                Counters.Increment(SipCounter.ConnectionsRefused);
                accepted.Dispose();
                continue;
            }
            var connection = TcpConnection.Accepted(this, accepted);
            connections.Register(connection);
            connection.Start();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        await accepting;
        connections.CloseAll();
        connections.Dispose();
        stopping.Dispose();
    }
}
