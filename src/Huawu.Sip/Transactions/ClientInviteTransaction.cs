using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Transactions;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5) as updated by RFC 6026: a 2xx moves it to
/// Accepted, where further 2xx (retransmissions and forks) go to the TU, which acknowledges them itself.
/// </summary>
internal sealed class ClientInviteTransaction : ClientTransaction
{
    private byte[]? failureAck;

    public ClientInviteTransaction(TransactionContext context, SipMessage request, OutboundRoute route, IClientTransactionUser user, Action<ClientTransaction> onTerminated)
        : base(context, request, route, user, onTerminated)
    {
    }

    public override void Start()
    {
        lock (Sync)
        {
            CurrentState = TransactionState.Calling;
            // §17.1.1.2: Timer A (T1, unreliable transports only) and Timer B (64·T1).
            if (!Route.IsReliable) Retransmit.Arm(Context.Timers.T1);
            Timeout.Arm(Context.Timers.TransactionTimeout);
        }
        Transmit(Request.Buffer);
    }

    /// <summary>
    /// RFC 3261 §9.1: once a CANCEL is sent, a final response to the INVITE that does not come within 64·T1 ends
    /// the transaction as if Timer B had fired (Proceeding has no timer of its own).
    /// </summary>
    public void OnCancelSent()
    {
        lock (Sync)
        {
            if (CurrentState == TransactionState.Proceeding) Timeout.Arm(Context.Timers.TransactionTimeout);
        }
    }

    public override void OnResponse(SipMessage response)
    {
        byte[]? ackToSend = null;
        var deliver = true;
        var status = response.StatusCode;
        lock (Sync)
        {
            switch (CurrentState)
            {
                case TransactionState.Calling or TransactionState.Proceeding when status < 200:
                    // §17.1.1.2: no more retransmissions, and Timer B only applies while Calling.
                    if (CurrentState == TransactionState.Calling) Timeout.Stop();
                    CurrentState = TransactionState.Proceeding;
                    Retransmit.Stop();
                    break;
                case TransactionState.Calling or TransactionState.Proceeding when status < 300:
                    // RFC 6026 §7.2: Accepted for Timer M, so 2xx retransmissions and forks still reach the TU.
                    CurrentState = TransactionState.Accepted;
                    Retransmit.Stop();
                    Timeout.Arm(Context.Timers.TransactionTimeout);
                    break;
                case TransactionState.Calling or TransactionState.Proceeding:
                    CurrentState = TransactionState.Completed;
                    Retransmit.Stop();
                    ackToSend = failureAck = InviteCompanions.FailureAck(Request, response);
                    // §17.1.1.2: Timer D absorbs retransmitted failures; zero on reliable transports.
                    if (Route.IsReliable) Terminate();
                    else Timeout.Arm(Context.Timers.TimerD);
                    break;
                case TransactionState.Completed when status >= 300:
                    // A retransmitted failure: ACK again, and do not bother the TU.
                    ackToSend = failureAck;
                    deliver = false;
                    break;
                case TransactionState.Accepted when status is >= 200 and < 300:
                    break;
                default:
                    return;
            }
        }
        if (ackToSend is not null) Transmit(ackToSend);
        if (deliver) User.OnResponse(this, response);
    }

    protected override void OnRetransmitTimer()
    {
        lock (Sync)
        {
            if (!Retransmit.TryExpire() || CurrentState != TransactionState.Calling) return;
            // §17.1.1.2: Timer A doubles with every retransmission, without the T2 cap of non-INVITE requests.
            Retransmit.Arm(2 * Retransmit.Interval);
        }
        Transmit(Request.Buffer);
    }

    protected override void OnTimeoutTimer()
    {
        bool timedOut;
        lock (Sync)
        {
            if (!Timeout.TryExpire()) return;
            // Timer B (Calling), the CANCEL guard (Proceeding); Timer D (Completed) and M (Accepted) just end it.
            timedOut = IsAwaitingFinal(CurrentState);
            Terminate();
        }
        if (timedOut) ReportTimeout();
    }
}
