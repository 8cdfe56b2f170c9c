using System.Net;
using System.Net.Sockets;

namespace Huawu.Media.Transport;

/// <summary>
/// The UDP sockets of one RTP session: RTP on an even port, RTCP on the next (RFC 3550 §11). Each socket
/// runs one receive loop on preallocated buffers with <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>,
/// and sends with <see cref="Socket.SendTo(ReadOnlySpan{byte}, SocketFlags, SocketAddress)"/>: neither allocates per packet.
/// </summary>
internal sealed partial class RtpSocketPair : IDisposable
{
    /// <summary>Large enough for any datagram on an Ethernet path.</summary>
    private const int ReceiveBufferLength = 2048;

    /// <summary>Bind attempts before giving up when ports of the range are taken by other programs.</summary>
    private const int MaxBindAttempts = 16;

    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly RtpPortAllocator _allocator;
    private Task _loops = Task.CompletedTask;
    private int _disposed;

    private RtpSocketPair(Socket rtp, Socket rtcp, RtpPortAllocator allocator, int port)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        _allocator = allocator;
        Port = port;
        LocalEndPoint = (IPEndPoint)rtp.LocalEndPoint!;
    }

    /// <summary>The RTP port; RTCP is on the next one.</summary>
    public int Port { get; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds a free pair of the allocator's range on <paramref name="address"/>.</summary>
    public static RtpSocketStatus TryOpen(IPAddress address, RtpPortAllocator allocator, out RtpSocketPair? pair)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(allocator);
        pair = null;
        for (var attempt = 0; attempt < MaxBindAttempts; attempt++)
        {
            if (!allocator.TryAllocate(out var port)) return RtpSocketStatus.NoPortsAvailable;
            var rtp = TryBind(address, port);
            var rtcp = rtp is null ? null : TryBind(address, port + 1);
            if (rtp is not null && rtcp is not null)
            {
                pair = new RtpSocketPair(rtp, rtcp, allocator, port);
                return RtpSocketStatus.Ok;
            }
            // Another program holds one of the pair: give it back (it goes to the end of the queue) and try the next.
            rtp?.Dispose();
            allocator.Release(port);
        }
        return RtpSocketStatus.BindFailed;
    }

    /// <summary>Starts the receive loops; datagrams go to <paramref name="receiver"/> until disposal.</summary>
    public void Start(IRtpPacketReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        _loops = Task.WhenAll(ReceiveLoop(_rtp, receiver, isRtcp: false), ReceiveLoop(_rtcp, receiver, isRtcp: true));
    }

    public void SendRtp(ReadOnlySpan<byte> datagram, SocketAddress destination) => Send(_rtp, datagram, destination);

    public void SendRtcp(ReadOnlySpan<byte> datagram, SocketAddress destination) => Send(_rtcp, datagram, destination);

    /// <summary>Closes both sockets (ending the loops) and returns the ports to the allocator.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _rtp.Dispose();
        _rtcp.Dispose();
        _allocator.Release(Port);
    }

    /// <summary>Completes when both receive loops have ended after disposal.</summary>
    public Task Completion => _loops;

    private static Socket? TryBind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            socket.Dispose();
            return null;
        }
    }
}

/// <summary>Why an RTP socket pair could not be opened.</summary>
public enum RtpSocketStatus
{
    Ok = 0,

    /// <summary>Every port pair of the range is allocated.</summary>
    NoPortsAvailable,

    /// <summary>Ports were free in the range but other programs held them.</summary>
    BindFailed,
}
