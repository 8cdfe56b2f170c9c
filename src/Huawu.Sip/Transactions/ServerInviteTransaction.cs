using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7) as updated by RFC 6026: a 2xx moves it to
/// Accepted (Timer L), where INVITE retransmissions are absorbed and the dialog retransmits the 2xx itself.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "A transaction disposes its timers when it terminates; nothing outside owns its lifetime.")]
internal sealed class ServerInviteTransaction : ServerTransaction
{
    private readonly DeadlineTimer retransmit;
    private byte[]? lastProvisional;
    private byte[]? finalResponse;

    public ServerInviteTransaction(TransactionContext context, SipMessage request, ResponseTarget target, Action<ServerTransaction> onTerminated)
        : base(context, request, target, onTerminated)
    {
        retransmit = new DeadlineTimer(context.Time, this);
        CurrentState = TransactionState.Proceeding;
        // §17.2.1: 100 Trying unless the TU answers within 200 ms; until a final, this timer is that wait.
        retransmit.Arm(context.Timers.TryingDelay);
    }

    public override bool TrySend(SipMessageBuilder response, out byte[] sent)
    {
        ArgumentNullException.ThrowIfNull(response);
        sent = [];
        lock (Sync)
        {
            if (CurrentState != TransactionState.Proceeding) return false;
            sent = Target.Serialize(response);
            retransmit.Stop();
            if (response.StatusCode < 200)
            {
                lastProvisional = sent;
            }
            else if (response.StatusCode < 300)
            {
                // RFC 6026 §7.1: Accepted for Timer L; the 2xx is retransmitted by the dialog (§13.3.1.4).
                CurrentState = TransactionState.Accepted;
                Timeout.Arm(Context.Timers.TransactionTimeout);
            }
            else
            {
                // §17.2.1: Timer G retransmits the failure (unreliable only), Timer H bounds the wait for the ACK.
                CurrentState = TransactionState.Completed;
                finalResponse = sent;
                if (!Target.Route.IsReliable) retransmit.Arm(Context.Timers.T1);
                Timeout.Arm(Context.Timers.TransactionTimeout);
            }
        }
        Transmit(sent);
        return true;
    }

    /// <summary>
    /// RFC 3261 §9.2: a CANCEL for a pending INVITE gets it answered 487 and the TU told. False when the INVITE
    /// already has a final response (the CANCEL still gets its 200).
    /// </summary>
    public bool TryCancel()
    {
        if (!TrySend(CreateResponse(487))) return false;
        User?.OnCancelled();
        return true;
    }

    public override void OnRetransmission()
    {
        byte[]? resend;
        lock (Sync)
        {
            // §17.2.1: Proceeding resends the latest provisional, Completed the failure; Accepted absorbs (RFC 6026).
            resend = CurrentState switch
            {
                TransactionState.Proceeding => lastProvisional,
                TransactionState.Completed => finalResponse,
                _ => null,
            };
        }
        Context.Counters.Increment(SipCounter.RetransmissionsAbsorbed);
        if (resend is not null) Transmit(resend);
    }

    /// <summary>
    /// An ACK with this transaction's key: it acknowledges the failure (absorbed here, §17.2.1), or, in Accepted, it
    /// can only be an RFC 2543 client's ACK for the 2xx, which is the dialog's (returns false).
    /// </summary>
    public bool TryAbsorbAck()
    {
        lock (Sync)
        {
            if (CurrentState == TransactionState.Accepted) return false;
            if (CurrentState == TransactionState.Completed)
            {
                CurrentState = TransactionState.Confirmed;
                retransmit.Stop();
                // §17.2.1: Timer I absorbs further ACKs for T4 on unreliable transports; zero on reliable ones.
                if (Target.Route.IsReliable) Terminate();
                else Timeout.Arm(Context.Timers.T4);
            }
            return true;
        }
    }

    public override void OnDeadline(DeadlineTimer timer)
    {
        if (timer == retransmit) OnRetransmitTimer();
        else OnTimeoutTimer();
    }

    protected override void StopTimers()
    {
        retransmit.Dispose();
        base.StopTimers();
    }

    private void OnRetransmitTimer()
    {
        byte[]? send = null;
        lock (Sync)
        {
            if (!retransmit.TryExpire()) return;
            if (CurrentState == TransactionState.Proceeding && lastProvisional is null)
            {
                // The TU did not answer within 200 ms: 100 Trying stops the client's INVITE retransmissions.
                send = lastProvisional = Target.Serialize(SipMessageBuilder.CreateResponse(Request, 100));
            }
            else if (CurrentState == TransactionState.Completed)
            {
                // §17.2.1: Timer G doubles up to T2.
                var next = 2 * retransmit.Interval;
                retransmit.Arm(next < Context.Timers.T2 ? next : Context.Timers.T2);
                send = finalResponse;
            }
        }
        if (send is not null) Transmit(send);
    }

    private void OnTimeoutTimer()
    {
        lock (Sync)
        {
            if (!Timeout.TryExpire()) return;
            // Timer H (no ACK for the failure: RFC 3261 §17.2.1 calls it a transaction failure), I, or L.
            if (CurrentState == TransactionState.Completed) Context.Counters.Increment(SipCounter.AckTimeouts);
            Terminate();
        }
    }
}
