using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// A phone made of the SIP stack's facade on 127.0.0.1: it registers an extension with digest and hands the INVITEs
/// it receives to the test, which rings, answers or leaves them.
/// </summary>
internal sealed class StackPhone : ISipRequestHandler, ISipDialogHandler, IAsyncDisposable
{
    private readonly TaskCompletionSource<SipServerTransaction> _invite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<SipMessage> _dialogRequests = [];

    public StackPhone()
    {
        Stack = new SipStack(new SipStackOptions { Listeners = [new(TransportProtocol.Udp, "127.0.0.1", 0)] }, this);
        Stack.Start();
    }

    public SipStack Stack { get; }

    public int Port => Stack.LocalEndPoints[0].EndPoint.Port;

    /// <summary>The first INVITE that reached this phone.</summary>
    public Task<SipServerTransaction> Invite => _invite.Task;

    /// <summary>RFC 3261 §10.2 with §22.2: REGISTER, answer the 401, expect 200.</summary>
    public async Task RegisterAsync(int registrarPort, string extension, string password)
    {
        var register = Stack.CreateRegister($"sip:127.0.0.1:{registrarPort}", $"sip:{extension}@127.0.0.1", TimeSpan.FromHours(1));
        var response = await Stack.Send(register, new SipSendOptions { Credentials = new DigestClient(extension, password) }).FinalResponse.Within();
        Assert.Equal(200, response.StatusCode);
    }

    public static SipDialog? Answer(SipServerTransaction invite, ISipDialogHandler handler) =>
        invite.Accept(invite.CreateResponse(200).SetBody(Encoding.UTF8.GetBytes(ScriptedPeer.Sdp()), "application/sdp"), handler);

    public void OnRequest(SipServerTransaction request)
    {
        if (request.Request.Method.Known == KnownMethod.Invite && _invite.TrySetResult(request)) return;
        request.Respond(486);
    }

    /// <summary>The requests received in dialogs (all answered 200), in order.</summary>
    public IReadOnlyList<SipMessage> DialogRequests
    {
        get { lock (_dialogRequests) return [.. _dialogRequests]; }
    }

    public void OnRequest(SipDialog dialog, SipServerTransaction request)
    {
        lock (_dialogRequests) _dialogRequests.Add(request.Request);
        request.Respond(200);
    }

    public void OnAckTimeout(SipDialog dialog) => dialog.SendBye();

    public ValueTask DisposeAsync() => Stack.DisposeAsync();
}
