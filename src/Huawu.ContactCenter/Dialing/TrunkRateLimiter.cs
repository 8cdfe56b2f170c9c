namespace Huawu.ContactCenter.Dialing;

/// <summary>
/// A token bucket per trunk: <see cref="CallsPerSecond"/> tokens a second, holding at most one second's worth (at least one), so a
/// campaign never exceeds a carrier's calls-per-second limit even after an idle spell. On the injected clock.
/// </summary>
internal sealed class TrunkRateLimiter(double callsPerSecond, TimeProvider time)
{
    private readonly double _capacity = Math.Max(1, callsPerSecond);
    private double _tokens = Math.Max(1, callsPerSecond);
    private long _refilledAt = time.GetTimestamp();

    public double CallsPerSecond { get; } = callsPerSecond;

    /// <summary>Whole calls that may start now.</summary>
    public int Available
    {
        get
        {
            Refill();
            return (int)Math.Floor(_tokens);
        }
    }

    public bool TryTake()
    {
        Refill();
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + time.GetElapsedTime(_refilledAt, now).TotalSeconds * CallsPerSecond);
        _refilledAt = now;
    }
}
