using System.Globalization;
using System.Text;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;

namespace Huawu.Sip.Dialogs;

// Requests this side sends inside the dialog (RFC 3261 §12.2.1).
public sealed partial class SipDialog
{
    private bool outgoingInvitePending;

    /// <summary>
    /// A request in the dialog (RFC 3261 §12.2.1.1): Request-URI and Route from the remote target and route set, From
    /// and To with the dialog's tags, its Call-ID and the next local CSeq. Add a body or headers, then
    /// <see cref="Send"/>. ACK and CANCEL are the stack's to send.
    /// </summary>
    public SipMessageBuilder CreateRequest(SipMethod method)
    {
        if (method.Known is KnownMethod.Ack or KnownMethod.Cancel)
        {
            throw new ArgumentException("The stack sends ACK and CANCEL itself.", nameof(method));
        }
        uint sequence;
        lock (sync) sequence = ++localSequence;
        return Build(method, sequence);
    }

    /// <summary>
    /// Sends a request made by <see cref="CreateRequest"/>. A re-INVITE while another INVITE is in progress in either
    /// direction is refused with a local 491 (RFC 3261 §14.1); a BYE ends the dialog at once (§15.1.1).
    /// </summary>
    public SipClientRequest Send(SipMessageBuilder request) => Send(request, SipDialogEnd.ByeSent);

    /// <summary>BYE (RFC 3261 §15.1.1): ends the dialog as it is sent. Refused (481) once the dialog is over.</summary>
    public SipClientRequest SendBye() => Send(CreateRequest(SipMethod.Bye));

    /// <summary>A re-INVITE with a new offer (hold, resume, codec change; RFC 3261 §14.1).</summary>
    public SipClientRequest SendReInvite(ReadOnlyMemory<byte> sdp, string contentType = "application/sdp") =>
        Send(CreateRequest(SipMethod.Invite).SetBody(sdp, contentType));

    /// <summary>INFO (RFC 6086), e.g. application/dtmf-relay for a DTMF digit.</summary>
    public SipClientRequest SendInfo(ReadOnlyMemory<byte> body, string contentType) =>
        Send(CreateRequest(SipMethod.Info).SetBody(body, contentType));

    /// <summary>REFER (RFC 3515 §2.4.1): asks the peer to call <paramref name="referTo"/> (a blind transfer).</summary>
    public SipClientRequest SendRefer(string referTo, string? referredBy = null)
    {
        var refer = CreateRequest(SipMethod.Refer).AddHeader(HeaderId.ReferTo, ToNameAddress(referTo));
        if (referredBy is not null) refer.AddHeader(HeaderId.ReferredBy, ToNameAddress(referredBy));
        return Send(refer);
    }

    /// <summary>
    /// The NOTIFY of a REFER's implicit subscription (RFC 3515 §2.4.4–§2.4.5): the status line of the referred
    /// call as a message/sipfrag body; a final status terminates the subscription.
    /// </summary>
    public SipClientRequest SendReferProgress(int statusCode, string? reasonPhrase = null)
    {
        var statusLine = "SIP/2.0 " + statusCode.ToString(CultureInfo.InvariantCulture) + " " + (reasonPhrase ?? SipStatusCodes.GetReasonPhrase(statusCode));
        var notify = CreateRequest(SipMethod.Notify)
            .AddHeader(HeaderId.Event, "refer")
            .AddHeader(HeaderId.SubscriptionState, statusCode >= 200 ? "terminated;reason=noresource" : "active;expires=60")
            .SetBody(Encoding.UTF8.GetBytes(statusLine), "message/sipfrag;version=2.0");
        return Send(notify);
    }

    /// <summary>Sends a BYE that ends the dialog for <paramref name="reason"/> (a rejected fork).</summary>
    internal SipClientRequest Hangup(SipDialogEnd reason) => Send(CreateRequest(SipMethod.Bye), reason);

    private SipClientRequest Send(SipMessageBuilder request, SipDialogEnd byeReason)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State == SipDialogState.Terminated) return SipClientRequest.Refused(481);
        if (request.Method.Known == KnownMethod.Invite && !TryBeginOutgoingInvite()) return SipClientRequest.Refused(491);
        var sent = host.SendInDialog(this, request);
        if (request.Method.Known == KnownMethod.Bye) End(byeReason);
        return sent;
    }

    /// <summary>The peer answered our INVITE finally (or it failed): another may start (§14.1).</summary>
    internal void EndOutgoingInvite()
    {
        lock (sync) outgoingInvitePending = false;
    }

    /// <summary>Starts an outgoing re-INVITE unless one is in progress either way (§14.1); false means glare.</summary>
    internal bool TryBeginOutgoingInvite()
    {
        lock (sync)
        {
            if (outgoingInvitePending || incomingInvitePending || state == SipDialogState.Terminated) return false;
            outgoingInvitePending = true;
            return true;
        }
    }

    /// <summary>The next local CSeq, for a request resent with credentials or after glare.</summary>
    internal uint NextSequence()
    {
        lock (sync) return ++localSequence;
    }

    /// <summary>A 2xx to a target refresh we sent carries the peer's new Contact (RFC 3261 §12.2.1.2).</summary>
    internal void OnTargetRefreshed(SipMessage response)
    {
        if (ContactOf(response) is not { } target) return;
        lock (sync) remoteTarget = target;
    }

    private SipMessageBuilder Build(SipMethod method, uint sequence)
    {
        string target;
        IReadOnlyList<string> routes;
        lock (sync) (target, routes) = DialogRoutes.Apply(remoteTarget, routeSet);
        var request = SipMessageBuilder.CreateRequest(method, target);
        foreach (var route in routes) request.AddHeader(HeaderId.Route, route);
        return request
            .AddMaxForwards()
            .AddHeader(HeaderId.From, AddressText.WithTag(LocalAddress, LocalTag))
            .AddHeader(HeaderId.To, AddressText.WithTag(RemoteAddress, RemoteTag))
            .AddCallId(CallId)
            .AddCSeq(sequence, method);
    }

    private static string ToNameAddress(string uriOrAddress) =>
        uriOrAddress.Contains('<', StringComparison.Ordinal) ? uriOrAddress : "<" + uriOrAddress + ">";
}
