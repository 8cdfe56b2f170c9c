using System.Net;
using Huawu.Sip.Headers;
using Huawu.Sip.Transport;

namespace Huawu.Benchmarks.Sip;

/// <summary>
/// A reliable transport that hands every message straight to the peer's sink on the sending thread: two stacks wired
/// back to back, so a benchmark measures the stack and not the kernel.
/// </summary>
internal sealed class InMemoryWire : ISipTransport
{
    private ITransportSink? sink;

    public InMemoryWire(IPEndPoint local)
    {
        LocalEndPoint = local;
    }

    public InMemoryWire? Peer { get; set; }

    public TransportProtocol Protocol => TransportProtocol.Tcp;

    public bool IsReliable => true;

    public IPEndPoint LocalEndPoint { get; }

    public void Start(ITransportSink sink) => this.sink = sink;

    public void Send(in OutboundRoute route, ReadOnlyMemory<byte> message, ISendFailureHandler? onFailure) =>
        Peer!.sink!.OnReceived(new ReceivedMessage(message, Peer, LocalEndPoint, null));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
