namespace Huawu.Sip.Authentication;

/// <summary>
/// Remembers which nc values each nonce has been used with, so a captured request cannot be replayed
/// within the nonce's lifetime (RFC 7616 §3.4 and §5.4; RFC 2617 §3.2.2: "if the same nc-value is seen
/// twice, then the request is a replay"). Per nonce it keeps the highest nc and a 64-wide window below it,
/// so requests that overtake each other on UDP still pass. Memory is bounded: when full, the oldest nonce
/// is forgotten and every nonce issued up to it is treated as stale from then on, never as fresh.
/// </summary>
internal sealed class NonceReplayGuard(int capacity)
{
    private const int WindowSize = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, NonceUses> _uses = new(StringComparer.Ordinal);
    private readonly Queue<string> _firstSeenOrder = new();
    private DateTimeOffset _forgottenUpTo = DateTimeOffset.MinValue;

    public int TrackedNonces
    {
        get { lock (_gate) return _uses.Count; }
    }

    public NonceUseResult Register(string nonce, DateTimeOffset issuedAt, uint nonceCount, DateTimeOffset expiredBefore)
    {
        lock (_gate)
        {
            ForgetExpired(expiredBefore);
            if (!_uses.TryGetValue(nonce, out var uses))
            {
                // Its history may have been evicted: accepting it as new would let a replay through.
                if (issuedAt <= _forgottenUpTo) return NonceUseResult.Forgotten;
                if (_uses.Count >= capacity) ForgetOldest();
                uses = new NonceUses(issuedAt);
                _uses.Add(nonce, uses);
                _firstSeenOrder.Enqueue(nonce);
            }
            return uses.TryUse(nonceCount) ? NonceUseResult.Accepted : NonceUseResult.Replayed;
        }
    }

    private void ForgetExpired(DateTimeOffset expiredBefore)
    {
        // Expired nonces fail the lifetime check before they get here, so dropping them loses nothing.
        while (_firstSeenOrder.TryPeek(out var oldest) && _uses[oldest].IssuedAt < expiredBefore)
        {
            _uses.Remove(_firstSeenOrder.Dequeue());
        }
    }

    private void ForgetOldest()
    {
        var oldest = _firstSeenOrder.Dequeue();
        var issuedAt = _uses[oldest].IssuedAt;
        _uses.Remove(oldest);
        if (issuedAt > _forgottenUpTo) _forgottenUpTo = issuedAt;
    }

    private sealed class NonceUses(DateTimeOffset issuedAt)
    {
        private uint _highest;
        private ulong _window;

        public DateTimeOffset IssuedAt { get; } = issuedAt;

        /// <summary>Bit i of the window stands for nc = highest - i.</summary>
        public bool TryUse(uint nonceCount)
        {
            if (nonceCount > _highest)
            {
                var shift = nonceCount - _highest;
                _window = shift >= WindowSize ? 0 : _window << (int)shift;
                _window |= 1;
                _highest = nonceCount;
                return true;
            }
            var age = _highest - nonceCount;
            if (age >= WindowSize) return false;
            var bit = 1UL << (int)age;
            if ((_window & bit) != 0) return false;
            _window |= bit;
            return true;
        }
    }
}

internal enum NonceUseResult
{
    Accepted,
    Replayed,
    Forgotten,
}
