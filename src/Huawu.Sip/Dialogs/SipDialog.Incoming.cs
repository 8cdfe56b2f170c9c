using System.Globalization;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Dialogs;

// Requests the peer sends inside the dialog (RFC 3261 §12.2.2).
public sealed partial class SipDialog
{
    private bool incomingInvitePending;

    /// <summary>
    /// A new request for this dialog: checked for order (§12.2.2: a lower CSeq gets 500) and glare (§14.2: 491 while
    /// our INVITE is pending, 500 with Retry-After while theirs is), applied (target refresh, BYE), then handed on.
    /// </summary>
    internal void OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var method = request.Method.Known;
        Rejection? rejection = null;
        var ended = false;
        lock (sync)
        {
            if (remoteSequence is { } last && request.CSeq.Number < last)
            {
                rejection = new Rejection(500, SipCounter.OutOfOrderRejected, WithRetryAfter: false);
            }
            else if (method == KnownMethod.Invite && outgoingInvitePending)
            {
                rejection = new Rejection(491, SipCounter.GlareRejected, WithRetryAfter: false);
            }
            else if (method == KnownMethod.Invite && incomingInvitePending)
            {
                rejection = new Rejection(500, SipCounter.GlareRejected, WithRetryAfter: true);
            }
            else
            {
                remoteSequence = request.CSeq.Number;
                if (method == KnownMethod.Invite) incomingInvitePending = true;
                // §12.2.2: a target refresh request replaces the remote target with its Contact.
                if (method is KnownMethod.Invite or KnownMethod.Update && ContactOf(request) is { } target) remoteTarget = target;
                ended = method == KnownMethod.Bye && state != SipDialogState.Terminated;
            }
        }
        if (rejection is { } refused)
        {
            Reject(transaction, refused);
            return;
        }
        Handler.OnRequest(this, transaction);
        // The BYE is handed on first so the handler answers it for a dialog it still knows, then told of the end.
        if (ended) End(SipDialogEnd.ByeReceived);
    }

    /// <summary>The TU answered the peer's re-INVITE finally; a 2xx is retransmitted until its ACK (§13.3.1.4).</summary>
    internal void OnIncomingInviteAnswered(int statusCode, byte[] response, OutboundRoute route, uint sequence)
    {
        lock (sync) incomingInvitePending = false;
        if (statusCode is >= 200 and < 300) RetransmitUntilAcknowledged(response, route, sequence);
    }

    private void Reject(SipServerTransaction transaction, Rejection rejection)
    {
        host.Counters.Increment(rejection.Counter);
        var response = transaction.CreateResponse(rejection.StatusCode);
        // §14.2: a re-INVITE meeting the peer's pending one gets 500 with a Retry-After of 0 to 10 seconds.
        if (rejection.WithRetryAfter) response.AddHeader(HeaderId.RetryAfter, Random.Shared.Next(0, 11).ToString(CultureInfo.InvariantCulture));
        transaction.Send(response);
    }

    private readonly record struct Rejection(int StatusCode, SipCounter Counter, bool WithRetryAfter);
}
