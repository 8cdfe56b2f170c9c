using Huawu.Sip.Authentication;

namespace Huawu.Sip.Tests.Authentication;

public class NonceReplayGuardTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact] // RFC 2617 §3.2.2: the same nc twice is a replay; a 64-wide window tolerates reordering
    public void Window_accepts_each_count_once_and_forgets_counts_far_behind()
    {
        var guard = new NonceReplayGuard(capacity: 4);

        Assert.Equal(NonceUseResult.Accepted, Use(guard, "n", 100));
        Assert.Equal(NonceUseResult.Accepted, Use(guard, "n", 37));   // 63 behind: still inside the window
        Assert.Equal(NonceUseResult.Replayed, Use(guard, "n", 37));
        Assert.Equal(NonceUseResult.Replayed, Use(guard, "n", 36));   // 64 behind: too old to tell, refused
        Assert.Equal(NonceUseResult.Replayed, Use(guard, "n", 100));
        Assert.Equal(NonceUseResult.Accepted, Use(guard, "n", 500));  // a jump clears the window
        Assert.Equal(NonceUseResult.Accepted, Use(guard, "other", 100)); // histories are per nonce
    }

    [Fact] // bounded memory: a forgotten nonce is never treated as fresh, which would let a replay in
    public void Full_guard_evicts_the_oldest_and_treats_older_nonces_as_forgotten()
    {
        var guard = new NonceReplayGuard(capacity: 2);
        Assert.Equal(NonceUseResult.Accepted, guard.Register("a", Start, 1, Start.AddMinutes(-5)));
        Assert.Equal(NonceUseResult.Accepted, guard.Register("b", Start.AddSeconds(1), 1, Start.AddMinutes(-5)));

        Assert.Equal(NonceUseResult.Accepted, guard.Register("c", Start.AddSeconds(2), 1, Start.AddMinutes(-5)));

        Assert.Equal(2, guard.TrackedNonces);
        Assert.Equal(NonceUseResult.Forgotten, guard.Register("a", Start, 1, Start.AddMinutes(-5)));          // its replay cannot pass
        Assert.Equal(NonceUseResult.Forgotten, guard.Register("older", Start.AddMilliseconds(-1), 1, Start.AddMinutes(-5)));
        Assert.Equal(NonceUseResult.Replayed, guard.Register("b", Start.AddSeconds(1), 1, Start.AddMinutes(-5)));
    }

    [Fact]
    public void Expired_nonces_are_dropped()
    {
        var guard = new NonceReplayGuard(capacity: 10);
        guard.Register("a", Start, 1, Start.AddMinutes(-5));
        guard.Register("b", Start.AddMinutes(1), 1, Start.AddMinutes(-5));

        guard.Register("c", Start.AddMinutes(6), 1, expiredBefore: Start.AddSeconds(30));

        Assert.Equal(2, guard.TrackedNonces); // "a" expired and was dropped; "b" and "c" remain
    }

    private static NonceUseResult Use(NonceReplayGuard guard, string nonce, uint nc) =>
        guard.Register(nonce, Start, nc, Start.AddMinutes(-5));
}
