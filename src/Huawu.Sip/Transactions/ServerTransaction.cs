using Huawu.Sip.Building;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Transactions;

/// <summary>
/// What the two server machines of RFC 3261 §17.2 share: the request, where responses go, the To tag every response
/// of this transaction carries, two timers, and the lock discipline of <see cref="ClientTransaction"/>.
/// </summary>
internal abstract class ServerTransaction : ISendFailureHandler, IDeadlineOwner
{
    private readonly Action<ServerTransaction> onTerminated;
    private string? localTag;

    protected ServerTransaction(TransactionContext context, SipMessage request, ResponseTarget target, Action<ServerTransaction> onTerminated)
    {
        Context = context;
        Request = request;
        Target = target;
        this.onTerminated = onTerminated;
        Key = TransactionKey.ForServer(request);
        Timeout = new DeadlineTimer(context.Time, this);
    }

    public SipMessage Request { get; }

    public ResponseTarget Target { get; }

    public TransactionKey Key { get; }

    /// <summary>Told of a CANCEL; set by the stack before the TU sees the request.</summary>
    public IServerTransactionUser? User { get; set; }

    /// <summary>
    /// The To tag of this transaction's responses (RFC 3261 §8.2.6.2): fixed on first use so that a 180, the 2xx
    /// and a 487 all name the same UAS, and the dialog created by the 2xx gets it as its local tag.
    /// </summary>
    public string LocalTag
    {
        get
        {
            if (localTag is null) Interlocked.CompareExchange(ref localTag, Request.To.Tag ?? SipIdentifiers.NewTag(), null);
            return localTag;
        }
    }

    public TransactionState State
    {
        get
        {
            lock (Sync) return CurrentState;
        }
    }

    public bool IsTerminated => State == TransactionState.Terminated;

    protected Lock Sync { get; } = new();

    protected TransactionState CurrentState { get; set; }

    protected TransactionContext Context { get; }

    /// <summary>Timer H, I, J or L, whichever the state calls for, or the guard against a TU that never answers.</summary>
    protected DeadlineTimer Timeout { get; }

    /// <summary>A response to this request, with this transaction's To tag.</summary>
    public SipMessageBuilder CreateResponse(int statusCode, string? reasonPhrase = null) =>
        SipMessageBuilder.CreateResponse(Request, statusCode, reasonPhrase, LocalTag);

    /// <summary>Sends a response from the TU; false when a final response was already sent.</summary>
    public bool TrySend(SipMessageBuilder response) => TrySend(response, out _);

    /// <summary>As <see cref="TrySend(SipMessageBuilder)"/>, also giving the bytes sent (a dialog retransmits a 2xx).</summary>
    public abstract bool TrySend(SipMessageBuilder response, out byte[] sent);

    /// <summary>The request arrived again (RFC 3261 §17.2.1, §17.2.2).</summary>
    public abstract void OnRetransmission();

    public abstract void OnDeadline(DeadlineTimer timer);

    /// <summary>A response awaits nothing (the ACK for a failure comes however it comes).</summary>
    public bool IsAwaitingResponse => false;

    /// <summary>RFC 3261 §17.2.4: a response that cannot be sent ends the transaction (the failure is counted).</summary>
    public void OnSendFailed()
    {
        lock (Sync) Terminate();
    }

    protected void Transmit(ReadOnlyMemory<byte> response) => Target.Send(response, this);

    /// <summary>Drops a transaction that never made it into the table (full, or lost a race to a twin).</summary>
    public void Discard()
    {
        lock (Sync) StopTimers();
    }

    protected virtual void StopTimers() => Timeout.Dispose();

    protected void Terminate()
    {
        if (CurrentState == TransactionState.Terminated) return;
        CurrentState = TransactionState.Terminated;
        StopTimers();
        onTerminated(this);
    }
}
