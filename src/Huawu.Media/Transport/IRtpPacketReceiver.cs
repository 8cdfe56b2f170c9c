using System.Net;

namespace Huawu.Media.Transport;

/// <summary>
/// Takes datagrams from an <see cref="RtpSocketPair"/>'s receive loops. Called on a thread-pool thread,
/// one datagram at a time per socket; the span and address are reused for the next datagram.
/// </summary>
internal interface IRtpPacketReceiver
{
    void OnRtp(ReadOnlySpan<byte> datagram, SocketAddress source);

    void OnRtcp(ReadOnlySpan<byte> datagram, SocketAddress source);
}
