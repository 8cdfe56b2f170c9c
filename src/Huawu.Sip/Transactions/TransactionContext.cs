using Huawu.Sip.Diagnostics;

namespace Huawu.Sip.Transactions;

/// <summary>What every transaction shares: the clock, the timer values, the counters, and its table.</summary>
internal sealed class TransactionContext
{
    public TransactionContext(TimeProvider time, SipTimerOptions timers, SipCounters counters)
    {
        Time = time;
        Timers = timers;
        Counters = counters;
    }

    public TimeProvider Time { get; }

    public SipTimerOptions Timers { get; }

    public SipCounters Counters { get; }
}
