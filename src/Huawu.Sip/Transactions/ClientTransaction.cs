using Huawu.Sip.Diagnostics;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Transactions;

/// <summary>
/// What the two client machines of RFC 3261 §17.1 share: the request and where it goes, a retransmission timer and a
/// timeout timer, and the rule that state changes under a short lock while sends and upcalls happen after it.
/// </summary>
internal abstract class ClientTransaction : ISendFailureHandler, IDeadlineOwner
{
    private readonly Action<ClientTransaction> onTerminated;

    protected ClientTransaction(TransactionContext context, SipMessage request, OutboundRoute route, IClientTransactionUser user, Action<ClientTransaction> onTerminated)
    {
        Context = context;
        Request = request;
        Route = route;
        User = user;
        this.onTerminated = onTerminated;
        Key = TransactionKey.ForClient(request);
        Retransmit = new DeadlineTimer(context.Time, this);
        Timeout = new DeadlineTimer(context.Time, this);
    }

    /// <summary>The request as sent; its bytes are what retransmissions resend.</summary>
    public SipMessage Request { get; }

    public OutboundRoute Route { get; }

    public TransactionKey Key { get; }

    public TransactionState State
    {
        get
        {
            lock (Sync) return CurrentState;
        }
    }

    protected Lock Sync { get; } = new();

    protected TransactionState CurrentState { get; set; }

    protected TransactionContext Context { get; }

    protected IClientTransactionUser User { get; }

    /// <summary>Timer A or E.</summary>
    protected DeadlineTimer Retransmit { get; }

    /// <summary>Timer B, D, F, K or M, whichever the state calls for.</summary>
    protected DeadlineTimer Timeout { get; }

    /// <summary>Sends the request and starts the timers of the first state.</summary>
    public abstract void Start();

    public abstract void OnResponse(SipMessage response);

    public void OnDeadline(DeadlineTimer timer)
    {
        if (timer == Retransmit) OnRetransmitTimer();
        else OnTimeoutTimer();
    }

    public bool IsAwaitingResponse => IsAwaitingFinal(State);

    /// <summary>RFC 3261 §17.1.4: a transport failure ends the transaction and is reported as a 503.</summary>
    public void OnSendFailed()
    {
        lock (Sync)
        {
            if (!IsAwaitingFinal(CurrentState)) return;
            Terminate();
        }
        User.OnFailure(this, ClientFailure.TransportError);
    }

    protected abstract void OnRetransmitTimer();

    protected abstract void OnTimeoutTimer();

    protected static bool IsAwaitingFinal(TransactionState state) =>
        state is TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding;

    protected void Transmit(ReadOnlyMemory<byte> message) => Route.Send(message, this);

    /// <summary>Timer B or F: report the timeout (called after the lock is released).</summary>
    protected void ReportTimeout()
    {
        Context.Counters.Increment(SipCounter.TransactionTimeouts);
        User.OnFailure(this, ClientFailure.Timeout);
    }

    /// <summary>Enters Terminated and leaves the table; called under the lock.</summary>
    protected void Terminate()
    {
        if (CurrentState == TransactionState.Terminated) return;
        CurrentState = TransactionState.Terminated;
        Retransmit.Dispose();
        Timeout.Dispose();
        onTerminated(this);
    }
}
