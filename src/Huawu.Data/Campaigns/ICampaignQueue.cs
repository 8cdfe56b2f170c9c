namespace Huawu.Data.Campaigns;

/// <summary>
/// The dialer's work queue: one row per number a campaign calls. Nodes claim due numbers in a write transaction
/// (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>), so no two nodes hold the same number; a claim is released with the outcome.
/// </summary>
public interface ICampaignQueue
{
    /// <summary>Queues every contact of the campaign's lists not queued yet (a number in two lists once); returns how many were added.</summary>
    Task<int> EnqueueAsync(long campaignId, CancellationToken cancellation = default);

    /// <summary>Claims up to <paramref name="limit"/> numbers due at <paramref name="now"/>, longest-waiting first, for <paramref name="node"/>.</summary>
    Task<IReadOnlyList<QueuedContact>> ClaimDueAsync(long campaignId, DateTimeOffset now, int limit, string node, CancellationToken cancellation = default);

    /// <summary>Releases a claimed number; false when it was not claimed.</summary>
    Task<bool> ReleaseAsync(long campaignId, long contactId, QueueRelease release, CancellationToken cancellation = default);

    /// <summary>Settles a claimed number (see <see cref="AttemptSettlement"/>); false when it was not claimed or its attempt was already settled.</summary>
    Task<bool> SettleAsync(long campaignId, long contactId, AttemptSettlement settlement, CancellationToken cancellation = default);

    /// <summary>The numbers <paramref name="node"/> holds: after a crash, what it must settle before dialing again.</summary>
    Task<IReadOnlyList<QueuedContact>> ClaimedAsync(string node, CancellationToken cancellation = default);

    /// <summary>The campaign's numbers waiting for a promised callback, soonest first.</summary>
    Task<IReadOnlyList<ScheduledCallback>> CallbacksAsync(long campaignId, CancellationToken cancellation = default);

    Task<QueueCounts> CountsAsync(long campaignId, DateTimeOffset now, CancellationToken cancellation = default);

    /// <summary>When the campaign's next pending number falls due; null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(long campaignId, CancellationToken cancellation = default);
}
