using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// A SIP peer on a bare UDP socket that sends exactly what a test writes and keeps everything it receives: for
/// what a well-behaved stack never does (an ACK carrying the answer of a late offer, a 2xx crossing a CANCEL, odd
/// bodies). Sends no retransmissions and answers nothing by itself.
/// </summary>
internal sealed class ScriptedPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly List<SipMessage> _received = [];
    private readonly HashSet<SipMessage> _taken = [];
    private readonly Dictionary<SipMessage, EndPoint> _sources = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _branches;

    public ScriptedPeer(int enginePort)
    {
        EnginePort = enginePort;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public int Port { get; }

    public int EnginePort { get; }

    public string Contact => $"<sip:peer@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}>";

    /// <summary>An SDP offer or answer for PCMU (and telephone-event) at a port nobody listens on.</summary>
    public static string Sdp(string direction = "sendrecv", string formats = "0 101", string connection = "127.0.0.1") =>
        $"v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 {connection}\r\nt=0 0\r\nm=audio 40998 RTP/AVP {formats}\r\n" +
        "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=rtpmap:18 G729/8000\r\na=" + direction + "\r\n";

    /// <summary>A request of a dialog this peer leads, with a fresh branch.</summary>
    public SipMessageBuilder Request(SipMethod method, string user, PeerDialog dialog, uint cseq, string? body = null, string contentType = "application/sdp")
    {
        var request = SipMessageBuilder.CreateRequest(method, $"sip:{user}@127.0.0.1:{EnginePort.ToString(CultureInfo.InvariantCulture)}")
            .AddVia(TransportProtocol.Udp, "127.0.0.1", Port, method == SipMethod.Cancel ? dialog.InviteBranch : NewBranch(), requestRport: true)
            .AddMaxForwards()
            .AddHeader(HeaderId.From, $"<sip:peer@127.0.0.1>;tag={dialog.LocalTag}")
            .AddHeader(HeaderId.To, dialog.RemoteTag is null ? $"<sip:{user}@127.0.0.1>" : $"<sip:{user}@127.0.0.1>;tag={dialog.RemoteTag}")
            .AddCallId(dialog.CallId)
            .AddCSeq(cseq, method)
            .AddHeader(HeaderId.Contact, Contact);
        if (body is not null) request.SetBody(Encoding.UTF8.GetBytes(body), contentType);
        return request;
    }

    /// <summary>Sends an INVITE (with an offer, or none) to <paramref name="user"/> at the engine; the dialog to use after.</summary>
    public PeerDialog Invite(string user, string? offer)
    {
        var dialog = new PeerDialog($"peer-{Guid.NewGuid():N}@127.0.0.1", "peer-tag", NewBranch());
        var invite = SipMessageBuilder.CreateRequest(SipMethod.Invite, $"sip:{user}@127.0.0.1:{EnginePort.ToString(CultureInfo.InvariantCulture)}")
            .AddVia(TransportProtocol.Udp, "127.0.0.1", Port, dialog.InviteBranch, requestRport: true)
            .AddMaxForwards()
            .AddHeader(HeaderId.From, $"<sip:peer@127.0.0.1>;tag={dialog.LocalTag}")
            .AddHeader(HeaderId.To, $"<sip:{user}@127.0.0.1>")
            .AddCallId(dialog.CallId)
            .AddCSeq(1, SipMethod.Invite)
            .AddHeader(HeaderId.Contact, Contact);
        if (offer is not null) invite.SetBody(Encoding.UTF8.GetBytes(offer), "application/sdp");
        Send(invite);
        return dialog;
    }

    public void Send(SipMessageBuilder message) =>
        _socket.SendTo(message.ToArray(), new IPEndPoint(IPAddress.Loopback, EnginePort));

    /// <summary>Sends a response to where <paramref name="request"/> came from.</summary>
    public void Reply(SipMessage request, SipMessageBuilder response)
    {
        EndPoint source;
        lock (_received) source = _sources[request];
        _socket.SendTo(response.ToArray(), source);
    }

    /// <summary>The first message not taken before that matches, waiting for it in real time.</summary>
    public async Task<SipMessage> ReceiveAsync(Func<SipMessage, bool> match, string what)
    {
        SipMessage? found = null;
        await Eventually.TrueAsync(() =>
        {
            lock (_received)
            {
                found = _received.FirstOrDefault(m => !_taken.Contains(m) && match(m));
                if (found is not null) _taken.Add(found);
                return found is not null;
            }
        }, what);
        return found!;
    }

    /// <summary>Whether any message received so far, taken or not, matches.</summary>
    public bool HasReceived(Func<SipMessage, bool> match)
    {
        lock (_received) return _received.Any(match);
    }

    public Task<SipMessage> ResponseAsync(int status, SipMethod method) =>
        ReceiveAsync(m => m.IsResponse && m.StatusCode == status && m.CSeq.Method == method, $"{status} to {method}");

    public Task<SipMessage> RequestAsync(SipMethod method) => ReceiveAsync(m => m.IsRequest && m.Method == method, $"a {method}");

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _receiving.Wait(Eventually.Patience);
        }
        catch (AggregateException)
        {
            // the socket closed under the receive: that is how the loop ends
        }
        _stop.Dispose();
    }

    private string NewBranch() => "z9hG4bKpeer" + Interlocked.Increment(ref _branches).ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception ended) when (ended is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (!SipParser.TryParse(buffer.AsMemory(0, received.ReceivedBytes).ToArray(), out var message, out _)) continue;
            lock (_received)
            {
                _received.Add(message);
                _sources[message] = received.RemoteEndPoint;
            }
        }
    }
}

/// <summary>The peer's view of one dialog: Call-ID, its own tag, the engine's tag once a response brought it.</summary>
internal sealed class PeerDialog(string callId, string localTag, string inviteBranch)
{
    public string CallId { get; } = callId;

    public string LocalTag { get; } = localTag;

    public string InviteBranch { get; } = inviteBranch;

    public string? RemoteTag { get; set; }
}
