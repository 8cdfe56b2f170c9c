namespace Huawu.Data.Keys;

/// <summary>
/// The secrets Huawu's data layer works with, loaded from the key file or <c>HUAWU_KEYS</c>, never from the
/// database: the data keys (one active for new values, older ones kept until nothing uses them), the
/// blind-index key for equality lookups and the audit key that chains the audit log. The index and audit
/// keys are separate from the data keys so a leaked index (or audit) key reveals no plaintext.
/// </summary>
public sealed class KeyRing
{
    private readonly Dictionary<uint, DataKey> _keys;

    internal KeyRing(IEnumerable<DataKey> dataKeys, uint activeKeyId, byte[] indexKey, byte[] auditKey)
    {
        _keys = dataKeys.ToDictionary(k => k.Id);
        if (!_keys.ContainsKey(activeKeyId)) throw new ArgumentException($"Active key {activeKeyId} is not in the ring.", nameof(activeKeyId));
        if (indexKey.Length != DataKey.Size || auditKey.Length != DataKey.Size)
            throw new ArgumentException($"Index and audit keys are {DataKey.Size} bytes.");
        ActiveKeyId = activeKeyId;
        IndexKey = indexKey;
        AuditKey = auditKey;
    }

    public uint ActiveKeyId { get; }

    public DataKey Active => _keys[ActiveKeyId];

    /// <summary>Every data key, oldest id first.</summary>
    public IReadOnlyList<DataKey> DataKeys => [.. _keys.Values.OrderBy(k => k.Id)];

    internal byte[] IndexKey { get; }

    internal byte[] AuditKey { get; }

    public bool TryGet(uint keyId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DataKey? key) =>
        _keys.TryGetValue(keyId, out key);

    /// <summary>A fresh ring with new random keys: what the first start of a new installation writes.</summary>
    public static KeyRing Generate(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var first = new DataKey(1, NewSecret(), time.GetUtcNow());
        return new KeyRing([first], first.Id, NewSecret(), NewSecret());
    }

    /// <summary>This ring plus a new data key that becomes the active one.</summary>
    public KeyRing WithNewActiveKey(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var next = new DataKey(_keys.Keys.Max() + 1, NewSecret(), time.GetUtcNow());
        return new KeyRing([.. _keys.Values, next], next.Id, IndexKey, AuditKey);
    }

    /// <summary>This ring without a retired key; the active key cannot be retired.</summary>
    public KeyRing Without(uint keyId)
    {
        if (keyId == ActiveKeyId) throw new InvalidOperationException("The active key cannot be retired.");
        return new KeyRing(_keys.Values.Where(k => k.Id != keyId), ActiveKeyId, IndexKey, AuditKey);
    }

    private static byte[] NewSecret() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(DataKey.Size);
}
