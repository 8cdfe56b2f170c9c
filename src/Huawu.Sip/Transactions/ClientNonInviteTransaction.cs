using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6).</summary>
internal sealed class ClientNonInviteTransaction : ClientTransaction
{
    public ClientNonInviteTransaction(TransactionContext context, SipMessage request, OutboundRoute route, IClientTransactionUser user, Action<ClientTransaction> onTerminated)
        : base(context, request, route, user, onTerminated)
    {
    }

    public override void Start()
    {
        lock (Sync)
        {
            CurrentState = TransactionState.Trying;
            // §17.1.2.2: Timer E starts at T1 on unreliable transports only; Timer F bounds the whole wait.
            if (!Route.IsReliable) Retransmit.Arm(Context.Timers.T1);
            Timeout.Arm(Context.Timers.TransactionTimeout);
        }
        Transmit(Request.Buffer);
    }

    public override void OnResponse(SipMessage response)
    {
        lock (Sync)
        {
            if (!IsAwaitingFinal(CurrentState)) return; // Completed absorbs retransmitted finals.
            if (response.StatusCode < 200)
            {
                // Timer E keeps running; from now on it is re-armed with T2.
                CurrentState = TransactionState.Proceeding;
            }
            else
            {
                CurrentState = TransactionState.Completed;
                Retransmit.Stop();
                // §17.1.2.2: Timer K is T4 on unreliable transports and zero on reliable ones.
                if (Route.IsReliable) Terminate();
                else Timeout.Arm(Context.Timers.T4);
            }
        }
        User.OnResponse(this, response);
    }

    protected override void OnRetransmitTimer()
    {
        lock (Sync)
        {
            if (!Retransmit.TryExpire() || !IsAwaitingFinal(CurrentState)) return;
            // §17.1.2.2: E doubles up to T2 while Trying; once Proceeding it is T2.
            var timers = Context.Timers;
            Retransmit.Arm(CurrentState == TransactionState.Proceeding ? timers.T2 : Min(2 * Retransmit.Interval, timers.T2));
        }
        Transmit(Request.Buffer);
    }

    protected override void OnTimeoutTimer()
    {
        bool timedOut;
        lock (Sync)
        {
            if (!Timeout.TryExpire()) return;
            // Timer F while awaiting a final; Timer K once Completed.
            timedOut = IsAwaitingFinal(CurrentState);
            Terminate();
        }
        if (timedOut) ReportTimeout();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
