using Huawu.Sip.Building;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Stack;

// Requests this side starts outside any dialog.
public sealed partial class SipStack
{
    /// <summary>
    /// A request outside any dialog (RFC 3261 §8.1.1): Request-URI, From with a fresh tag, To (the Request-URI when
    /// omitted), a fresh Call-ID, CSeq 1, Max-Forwards 70 and User-Agent. <paramref name="from"/> and <paramref name="to"/> are
    /// URIs or name-addr values ("\"Robot\" &lt;sip:robot@example.com&gt;"). Via and Contact are added when it is
    /// sent.
    /// </summary>
    public SipMessageBuilder CreateRequest(SipMethod method, string requestUri, string from, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (method.Known is KnownMethod.Ack or KnownMethod.Cancel) throw new ArgumentException("The stack sends ACK and CANCEL itself.", nameof(method));
        return SipMessageBuilder.CreateRequest(method, requestUri)
            .AddMaxForwards()
            .AddHeader(HeaderId.From, Address(from, nameof(from)) + ";tag=" + SipIdentifiers.NewTag())
            .AddHeader(HeaderId.To, Address(to ?? requestUri, nameof(to)))
            .AddCallId(SipIdentifiers.NewCallId())
            .AddCSeq(1, method)
            .AddHeader(HeaderId.UserAgent, Options.UserAgent);
    }

    /// <summary>An INVITE with an SDP offer; send it with <see cref="SendInvite"/>.</summary>
    public SipMessageBuilder CreateInvite(string requestUri, string from, string? to, ReadOnlyMemory<byte> sdp) =>
        CreateRequest(SipMethod.Invite, requestUri, from, to).SetBody(sdp, "application/sdp");

    /// <summary>
    /// A REGISTER for <paramref name="addressOfRecord"/> at <paramref name="registrar"/> (RFC 3261 §10.2): To and From
    /// are the address of record, Expires the binding's lifetime; the Contact (this node) is added when sent.
    /// Refreshes should reuse the Call-ID with a higher CSeq (§10.2.4).
    /// </summary>
    public SipMessageBuilder CreateRegister(string registrar, string addressOfRecord, TimeSpan expires) =>
        CreateRequest(SipMethod.Register, registrar, addressOfRecord, addressOfRecord)
            .AddHeader(HeaderId.Expires, ((long)expires.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A MESSAGE with a text body (RFC 3428).</summary>
    public SipMessageBuilder CreateMessage(string requestUri, string from, string text) =>
        CreateRequest(SipMethod.Message, requestUri, from).SetBody(System.Text.Encoding.UTF8.GetBytes(text), "text/plain;charset=UTF-8");

    /// <summary>
    /// Sends a request outside any dialog through a client transaction. INVITE goes through <see cref="SendInvite"/>
    /// instead, as it creates dialogs.
    /// </summary>
    public SipClientRequest Send(SipMessageBuilder request, SipSendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method.Known == KnownMethod.Invite) throw new ArgumentException("An INVITE creates dialogs: send it with SendInvite.", nameof(request));
        return SipClientRequest.Start(this, request, null, null, options ?? SipSendOptions.Default);
    }

    /// <summary>
    /// Sends an INVITE outside any dialog. Each dialog it creates (early on a 1xx with a To tag, confirmed on the 2xx,
    /// RFC 3261 §12.1.2) reports to <paramref name="handler"/>; the stack sends the ACK for the 2xx (§13.2.2.4).
    /// </summary>
    public SipClientRequest SendInvite(SipMessageBuilder invite, ISipDialogHandler handler, SipSendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(handler);
        if (invite.Method.Known != KnownMethod.Invite) throw new ArgumentException("SendInvite sends an INVITE.", nameof(invite));
        return SipClientRequest.Start(this, invite, null, handler, options ?? SipSendOptions.Default);
    }

    private static string Address(string uriOrAddress, string parameterName)
    {
        var text = uriOrAddress.Contains('<', StringComparison.Ordinal) ? uriOrAddress : "<" + uriOrAddress + ">";
        return NameAddress.TryParse(text, out _) ? text : throw new ArgumentException($"'{uriOrAddress}' is not a SIP address.", parameterName);
    }
}
