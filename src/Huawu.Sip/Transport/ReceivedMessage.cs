using System.Net;

namespace Huawu.Sip.Transport;

/// <summary>
/// The bytes of one received message (a datagram, or a frame cut from a stream) with where it came from. The
/// bytes belong to the message: transports copy them out of their receive buffers.
/// </summary>
internal readonly record struct ReceivedMessage(
    ReadOnlyMemory<byte> Bytes,
    ISipTransport Transport,
    IPEndPoint Source,
    StreamConnection? Connection);
