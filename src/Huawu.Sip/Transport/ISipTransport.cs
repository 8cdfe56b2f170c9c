using System.Net;
using Huawu.Sip.Headers;

namespace Huawu.Sip.Transport;

/// <summary>
/// One listening transport (a UDP socket, a TCP listener and its connections; later TLS and WebSocket). It
/// delivers what it reads to an <see cref="ITransportSink"/> and sends messages along an <see cref="OutboundRoute"/>.
/// </summary>
internal interface ISipTransport : IAsyncDisposable
{
    TransportProtocol Protocol { get; }

    /// <summary>Whether the transport delivers reliably, which switches off retransmissions (RFC 3261 §17.1.1.2).</summary>
    bool IsReliable { get; }

    /// <summary>The bound address; valid after <see cref="Start"/> (a configured port 0 is resolved then).</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds and starts reading; received messages go to <paramref name="sink"/> on pool threads.</summary>
    void Start(ITransportSink sink);

    /// <summary>
    /// Sends without blocking. A failure, now or later (a refused connection), is reported to
    /// <paramref name="onFailure"/> once, and counted.
    /// </summary>
    void Send(in OutboundRoute route, ReadOnlyMemory<byte> message, ISendFailureHandler? onFailure);
}
