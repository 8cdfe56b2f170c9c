using System.Net;
using System.Net.Sockets;

namespace Huawu.Media.Transport;

internal sealed partial class RtpSocketPair
{
    private async Task ReceiveLoop(Socket socket, IRtpPacketReceiver receiver, bool isRtcp)
    {
        // One buffer and one address per socket, reused for every datagram.
        var buffer = new byte[ReceiveBufferLength];
        var source = new SocketAddress(socket.AddressFamily);
        while (Volatile.Read(ref _disposed) == 0)
        {
            int length;
            try
            {
                // No cancellation token: registering one would allocate per receive. Disposal ends the wait.
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, source).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception) when (IsTransient(exception.SocketErrorCode))
            {
                // An ICMP error from an earlier send (Windows reports it on the next receive): keep listening.
                continue;
            }
            catch (SocketException) when (Volatile.Read(ref _disposed) != 0)
            {
                return;
            }
            try
            {
                if (isRtcp) receiver.OnRtcp(buffer.AsSpan(0, length), source);
                else receiver.OnRtp(buffer.AsSpan(0, length), source);
            }
#pragma warning disable CA1031 // A fault while handling one datagram (e.g. in an event handler) must not end the call's receive loop.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _receiveFaults);
            }
        }
    }

    private long _receiveFaults;

    /// <summary>Datagrams whose handling threw; each is a bug to look into, but the loop carries on.</summary>
    public long ReceiveFaults => Interlocked.Read(ref _receiveFaults);

    private static bool IsTransient(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.MessageSize;

    private void Send(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress destination)
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        try
        {
            socket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (SocketException exception) when (IsTransient(exception.SocketErrorCode) || exception.SocketErrorCode == SocketError.NoBufferSpaceAvailable)
        {
            // UDP is best effort: a full send buffer or an unreachable peer loses this packet, not the call.
            Interlocked.Increment(ref _sendErrors);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the send: the stream is closing.
        }
    }

    private long _sendErrors;

    /// <summary>Datagrams the operating system refused to send.</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);
}
