namespace Huawu.Sip.Diagnostics;

/// <summary>The stack's counters: one lock-free slot per <see cref="SipCounter"/>, shared by every layer.</summary>
internal sealed class SipCounters
{
    private readonly long[] values = new long[Enum.GetValues<SipCounter>().Length];

    public void Increment(SipCounter counter) => Interlocked.Increment(ref values[(int)counter]);

    public long this[SipCounter counter] => Interlocked.Read(ref values[(int)counter]);

    public IReadOnlyDictionary<SipCounter, long> Snapshot()
    {
        var snapshot = new Dictionary<SipCounter, long>(values.Length);
        foreach (var counter in Enum.GetValues<SipCounter>()) snapshot[counter] = this[counter];
        return snapshot;
    }
}
