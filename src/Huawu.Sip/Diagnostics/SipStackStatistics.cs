namespace Huawu.Sip.Diagnostics;

/// <summary>A snapshot of the stack's counters and of what it holds open at the moment it was taken.</summary>
public sealed class SipStackStatistics
{
    internal SipStackStatistics(IReadOnlyDictionary<SipCounter, long> counters, int transactions, int dialogs, int connections)
    {
        Counters = counters;
        OpenTransactions = transactions;
        OpenDialogs = dialogs;
        OpenConnections = connections;
    }

    /// <summary>Every counter, including those still at zero.</summary>
    public IReadOnlyDictionary<SipCounter, long> Counters { get; }

    /// <summary>Client and server transactions not yet terminated.</summary>
    public int OpenTransactions { get; }

    /// <summary>Early and confirmed dialogs.</summary>
    public int OpenDialogs { get; }

    /// <summary>Open stream (TCP) connections, accepted and opened.</summary>
    public int OpenConnections { get; }

    public long this[SipCounter counter] => Counters[counter];

    public override string ToString() =>
        $"transactions={OpenTransactions} dialogs={OpenDialogs} connections={OpenConnections} "
        + string.Join(' ', Counters.Where(c => c.Value != 0).Select(c => $"{c.Key}={c.Value}"));
}
