using Huawu.Sip.Building;
using Huawu.Sip.Diagnostics;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Transactions;

/// <summary>The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8).</summary>
internal sealed class ServerNonInviteTransaction : ServerTransaction
{
    private byte[]? lastResponse;

    public ServerNonInviteTransaction(TransactionContext context, SipMessage request, ResponseTarget target, Action<ServerTransaction> onTerminated)
        : base(context, request, target, onTerminated)
    {
        CurrentState = TransactionState.Trying;
        // The client gives up after 64·T1 (Timer F); a request the TU never answers is abandoned then too.
        Timeout.Arm(context.Timers.TransactionTimeout);
    }

    public override bool TrySend(SipMessageBuilder response, out byte[] sent)
    {
        ArgumentNullException.ThrowIfNull(response);
        sent = [];
        lock (Sync)
        {
            if (CurrentState is not (TransactionState.Trying or TransactionState.Proceeding)) return false;
            sent = lastResponse = Target.Serialize(response);
            if (response.StatusCode < 200)
            {
                CurrentState = TransactionState.Proceeding;
            }
            else
            {
                CurrentState = TransactionState.Completed;
                // §17.2.2: Timer J absorbs retransmissions for 64·T1 on unreliable transports; zero on reliable ones.
                if (Target.Route.IsReliable) Terminate();
                else Timeout.Arm(Context.Timers.TransactionTimeout);
            }
        }
        Transmit(sent);
        return true;
    }

    public override void OnRetransmission()
    {
        byte[]? resend;
        lock (Sync)
        {
            // §17.2.2: Trying discards it; Proceeding and Completed answer with the last response.
            resend = CurrentState is TransactionState.Proceeding or TransactionState.Completed ? lastResponse : null;
        }
        Context.Counters.Increment(SipCounter.RetransmissionsAbsorbed);
        if (resend is not null) Transmit(resend);
    }

    public override void OnDeadline(DeadlineTimer timer)
    {
        lock (Sync)
        {
            if (Timeout.TryExpire()) Terminate();
        }
    }
}
