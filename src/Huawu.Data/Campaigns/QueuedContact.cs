namespace Huawu.Data.Campaigns;

/// <summary>A number in a campaign's queue, as the dialer claims it (the phone decrypted, E.164).</summary>
public sealed record QueuedContact(long CampaignId, long ContactId, long ListId, string Phone, int Attempts, string? LastOutcome)
{
    /// <summary>Callbacks promised to this number so far (the campaign's callback rules limit them).</summary>
    public int Callbacks { get; init; }

    /// <summary>The time promised when this number is due for a callback; null for a first call or a retry.</summary>
    public DateTimeOffset? CallbackAt { get; init; }
}

/// <summary>The states of a queued number.</summary>
public static class QueueState
{
    /// <summary>Waiting for its next attempt (due at its next attempt time).</summary>
    public const string Pending = "pending";

    /// <summary>Claimed by a node, which is deciding or dialing it.</summary>
    public const string Dialing = "dialing";

    /// <summary>Reached a final outcome; never dialed again by this campaign.</summary>
    public const string Done = "done";
}

/// <summary>
/// What becomes of a claimed number: <see cref="QueueState.Pending"/> again from <see cref="NextAttemptAt"/> (a retry, or a
/// number the gate deferred), or <see cref="QueueState.Done"/>. <see cref="CountsAsAttempt"/> is false when nothing was dialed.
/// </summary>
public sealed record QueueRelease(string State, DateTimeOffset NextAttemptAt, string? Outcome, bool CountsAsAttempt)
{
    /// <summary>
    /// A callback promised (pending again from <see cref="NextAttemptAt"/>, which is this time): counted in the number's callbacks.
    /// A release that dialled nothing (the gate deferred the number) keeps the callback it had; one that dialled drops it.
    /// </summary>
    public DateTimeOffset? CallbackAt { get; init; }
}

/// <summary>A number waiting for the callback promised to it.</summary>
public sealed record ScheduledCallback(long ContactId, string Phone, DateTimeOffset CallbackAt, int Attempts, int Callbacks, string? LastOutcome);

/// <summary>A campaign's queue by state, and its numbers by their latest outcome.</summary>
public sealed record QueueCounts(long Pending, long Due, long Dialing, long Done, IReadOnlyDictionary<string, long> ByOutcome)
{
    public long Total => Pending + Dialing + Done;
}

/// <summary>
/// How a claimed number is settled, in one transaction: the attempt's end — finishing the attempt still dialing (<see cref="AttemptId"/>),
/// or writing a completed one when nothing was dialled (a number the gate blocked) — and the number's release. Either both happen or
/// neither, so a crash never leaves an outcome without its release or the reverse.
/// </summary>
public sealed record AttemptSettlement(QueueRelease Release)
{
    public long? AttemptId { get; init; }

    public AttemptEnd? End { get; init; }

    public string? Node { get; init; }
}
