using System.Net;

namespace Huawu.Sip.Transport;

/// <summary>
/// Where a message goes: the transport (which also fixes the local socket, RFC 3581 §4), the remote address, and
/// for stream transports the connection to prefer while it is open (RFC 3261 §18.2.2).
/// </summary>
internal readonly record struct OutboundRoute(ISipTransport Transport, IPEndPoint Remote, StreamConnection? Connection = null)
{
    public bool IsReliable => Transport.IsReliable;

    public void Send(ReadOnlyMemory<byte> message, ISendFailureHandler? onFailure) => Transport.Send(this, message, onFailure);
}
