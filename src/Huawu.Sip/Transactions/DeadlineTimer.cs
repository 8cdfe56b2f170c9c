namespace Huawu.Sip.Transactions;

/// <summary>
/// A re-armable one-shot timer that remembers its deadline, so its owner can tell a current firing from a stale
/// one (a callback already queued when the timer was re-armed or stopped). Used under the owner's lock.
/// </summary>
internal sealed class DeadlineTimer : IDisposable
{
    private readonly TimeProvider time;
    private readonly IDeadlineOwner owner;
    private readonly ITimer timer;
    private DateTimeOffset? deadline;

    public DeadlineTimer(TimeProvider time, IDeadlineOwner owner)
    {
        this.time = time;
        this.owner = owner;
        timer = time.CreateTimer(static state => ((DeadlineTimer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The interval it was last armed with (retransmission timers double it).</summary>
    public TimeSpan Interval { get; private set; }

    public void Arm(TimeSpan after)
    {
        Interval = after;
        deadline = time.GetUtcNow() + after;
        timer.Change(after, Timeout.InfiniteTimeSpan);
    }

    public void Stop()
    {
        deadline = null;
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// On a firing: true when the deadline has passed (and the timer is now disarmed); false for a stale firing,
    /// after re-arming for whatever time remains.
    /// </summary>
    public bool TryExpire()
    {
        if (deadline is not { } due) return false;
        var remaining = due - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            timer.Change(remaining, Timeout.InfiniteTimeSpan);
            return false;
        }
        deadline = null;
        return true;
    }

    private void Fire() => owner.OnDeadline(this);

    public void Dispose()
    {
        deadline = null;
        timer.Dispose();
    }
}

/// <summary>Receives the firings of its <see cref="DeadlineTimer"/>s, on a timer thread.</summary>
internal interface IDeadlineOwner
{
    void OnDeadline(DeadlineTimer timer);
}
