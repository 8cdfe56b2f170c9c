using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Dialogs;

// Creating a dialog from the request or response that establishes it.
public sealed partial class SipDialog
{
    /// <summary>
    /// The UAS side (RFC 3261 §12.1.1), from the INVITE it answers 2xx: route set from Record-Route in order, remote
    /// target from Contact, remote sequence from CSeq, local sequence empty.
    /// </summary>
    internal static SipDialog ForServer(IDialogHost host, ISipDialogHandler handler, SipMessage invite, string localTag, TransportProtocol transport)
    {
        var identity = new DialogIdentity(
            invite.CallId,
            localTag,
            invite.From.Tag ?? "",
            AddressText.WithoutTag(invite.To),
            AddressText.WithoutTag(invite.From),
            IsCaller: false,
            SecureOver(invite, transport),
            LocalSequence: 0,
            invite.CSeq.Number);
        return new SipDialog(host, handler, identity, ContactOf(invite) ?? invite.From.Uri.ToString(), DialogRoutes.FromRequest(invite), SipDialogState.Confirmed);
    }

    /// <summary>
    /// The UAC side (RFC 3261 §12.1.2), from a 1xx with a To tag (early) or a 2xx (confirmed): route set from the
    /// response's Record-Route reversed, remote target from its Contact, local sequence from the INVITE.
    /// </summary>
    internal static SipDialog ForClient(IDialogHost host, ISipDialogHandler handler, SipMessage invite, SipMessage response, TransportProtocol transport)
    {
        var identity = new DialogIdentity(
            invite.CallId,
            invite.From.Tag ?? "",
            response.To.Tag ?? "",
            AddressText.WithoutTag(invite.From),
            AddressText.WithoutTag(response.To),
            IsCaller: true,
            SecureOver(invite, transport),
            invite.CSeq.Number,
            RemoteSequence: null);
        var state = response.StatusCode < 200 ? SipDialogState.Early : SipDialogState.Confirmed;
        return new SipDialog(host, handler, identity, ContactOf(response) ?? invite.RequestUri.ToString(), DialogRoutes.FromResponse(response), state);
    }

    // §12.1.1, §12.1.2: secure when a SIPS Request-URI traveled over TLS.
    private static bool SecureOver(SipMessage invite, TransportProtocol transport) =>
        invite.RequestUri.Scheme == UriScheme.Sips && transport == TransportProtocol.Tls;
}
