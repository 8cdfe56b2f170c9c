using System.Collections.Concurrent;

namespace Huawu.Sip.Transactions;

/// <summary>
/// Transactions by key, bounded: beyond <c>capacity</c> new entries are refused, which the stack answers with 503
/// and Retry-After (RFC 3261 §21.5.4) rather than dropping silently.
/// </summary>
internal sealed class TransactionTable<T>
    where T : class
{
    private readonly ConcurrentDictionary<TransactionKey, T> entries = new();
    private readonly int capacity;
    private int count;

    public TransactionTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    public int Count => Volatile.Read(ref count);

    public bool TryGet(in TransactionKey key, out T transaction) => entries.TryGetValue(key, out transaction!);

    /// <summary>Adds unless full, or unless the key is taken (then <paramref name="existing"/> is the holder).</summary>
    public TableAdd TryAdd(in TransactionKey key, T transaction, out T? existing)
    {
        existing = null;
        if (Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            return TableAdd.Full;
        }
        if (entries.TryAdd(key, transaction)) return TableAdd.Added;
        Interlocked.Decrement(ref count);
        entries.TryGetValue(key, out existing);
        return TableAdd.Exists;
    }

    public void Remove(in TransactionKey key, T transaction)
    {
        if (entries.TryRemove(new KeyValuePair<TransactionKey, T>(key, transaction))) Interlocked.Decrement(ref count);
    }
}

internal enum TableAdd
{
    Added,
    Exists,
    Full,
}
