using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Sip.Transactions;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Dialogs;

// The 2xx/ACK handshake of INVITE, which RFC 6026 leaves to the dialog: the UAS retransmits its 2xx until the ACK
// (RFC 3261 §13.3.1.4), the UAC acknowledges every 2xx it receives (§13.2.2.4).
public sealed partial class SipDialog
{
    private DeadlineTimer? retransmitTimer;
    private DeadlineTimer? ackTimer;
    private PendingSuccess? pendingSuccess;
    private SentAck? lastAck;
    // The CSeq of the last INVITE whose 2xx was acknowledged: an ACK can overtake the bookkeeping of its own 2xx
    // (sent, but not yet armed for retransmission, when a fast peer's ACK arrives), and must be neither lost nor
    // taken twice.
    private uint? acknowledgedSequence;

    /// <summary>The UAS side: the 2xx goes out at T1, 2·T1… capped at T2, until its ACK or 64·T1 (§13.3.1.4).</summary>
    internal void RetransmitUntilAcknowledged(byte[] response, OutboundRoute route, uint sequence)
    {
        lock (sync)
        {
            if (state == SipDialogState.Terminated || acknowledgedSequence == sequence) return;
            pendingSuccess = new PendingSuccess(response, route, sequence);
            retransmitTimer ??= new DeadlineTimer(host.Time, this);
            ackTimer ??= new DeadlineTimer(host.Time, this);
            retransmitTimer.Arm(host.Timers.T1);
            ackTimer.Arm(host.Timers.TransactionTimeout);
        }
    }

    /// <summary>An ACK for this dialog (it never matches a transaction, having its own branch).</summary>
    internal void OnAck(SipMessage ack)
    {
        var sequence = ack.CSeq.Number;
        lock (sync)
        {
            if (acknowledgedSequence == sequence) return; // a retransmitted ACK
            if (pendingSuccess is { } pending)
            {
                if (pending.Sequence != sequence) return;
                pendingSuccess = null;
                StopRetransmitting();
            }
            else if (remoteSequence != sequence)
            {
                return;
            }
            acknowledgedSequence = sequence;
        }
        Handler.OnAck(this, ack);
    }

    /// <summary>The UAC side: ACK a 2xx (§13.2.2.4), built like any request of the dialog but with the INVITE's CSeq and credentials.</summary>
    internal async Task AcknowledgeAsync(SipMessage invite)
    {
        var sequence = invite.CSeq.Number;
        var ack = Build(SipMethod.Ack, sequence);
        foreach (var header in invite.Headers)
        {
            if (header.Id is HeaderId.Authorization or HeaderId.ProxyAuthorization) ack.AddHeader(header.Id, header.ValueMemory);
        }
        var sent = await host.SendWithoutTransactionAsync(ack, StrictNextHop);
        if (sent is null) return;
        lock (sync) lastAck = new SentAck(sequence, sent);
    }

    /// <summary>A retransmitted 2xx: the ACK went missing, send it again (§13.2.2.4).</summary>
    internal void Reacknowledge(uint sequence)
    {
        SentAck? ack;
        lock (sync) ack = lastAck;
        if (ack is { } sent && sent.Sequence == sequence) sent.Request.Route.Send(sent.Request.Message.Buffer, null);
    }

    void IDeadlineOwner.OnDeadline(DeadlineTimer timer)
    {
        PendingSuccess? resend = null;
        var ackTimedOut = false;
        lock (sync)
        {
            if (!timer.TryExpire() || pendingSuccess is not { } pending) return;
            if (timer == retransmitTimer)
            {
                var next = 2 * timer.Interval;
                timer.Arm(next < host.Timers.T2 ? next : host.Timers.T2);
                resend = pending;
            }
            else
            {
                pendingSuccess = null;
                StopRetransmitting();
                ackTimedOut = true;
            }
        }
        if (resend is { } success) success.Route.Send(success.Response, null);
        if (!ackTimedOut) return;
        host.Counters.Increment(SipCounter.AckTimeouts);
        Handler.OnAckTimeout(this);
    }

    private void StopRetransmitting()
    {
        retransmitTimer?.Stop();
        ackTimer?.Stop();
    }

    private readonly record struct PendingSuccess(byte[] Response, OutboundRoute Route, uint Sequence);

    private readonly record struct SentAck(uint Sequence, PreparedRequest Request);
}
