using System.Net;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Sip.Transport;

namespace Huawu.Interop.Tests.Sip;

/// <summary>
/// The smallest user agent server on the stack's facade: every INVITE is accepted with 200 and an SDP answer, BYE
/// and other in-dialog requests get 200, a call whose 2xx is never acknowledged is hung up. Listens on 127.0.0.1.
/// </summary>
internal sealed class MinimalUas : ISipRequestHandler, ISipDialogHandler, IAsyncDisposable
{
    private static readonly byte[] Answer =
        "v=0\r\no=huawu 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"u8.ToArray();

    private int answered;
    private int ended;

    public MinimalUas(TransportProtocol transport = TransportProtocol.Udp, SipStackOptions? options = null)
    {
        Stack = new SipStack((options ?? new SipStackOptions()) with { Listeners = [new(transport, "127.0.0.1", 0)] }, this);
        Stack.Start();
    }

    public SipStack Stack { get; }

    public IPEndPoint EndPoint => Stack.LocalEndPoints[0].EndPoint;

    public int Answered => Volatile.Read(ref answered);

    public int Ended => Volatile.Read(ref ended);

    public void OnRequest(SipServerTransaction request)
    {
        if (request.Request.Method.Known != Huawu.Sip.Messages.KnownMethod.Invite)
        {
            request.Respond(405);
            return;
        }
        if (request.Accept(request.CreateResponse(200).SetBody(Answer, "application/sdp"), this) is not null) Interlocked.Increment(ref answered);
    }

    public void OnRequest(SipDialog dialog, SipServerTransaction request) => request.Respond(200);

    public void OnAckTimeout(SipDialog dialog) => dialog.SendBye();

    public void OnTerminated(SipDialog dialog) => Interlocked.Increment(ref ended);

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
