namespace Huawu.Media.Jitter;

/// <summary>How a stream's jitter buffer holds and paces received audio.</summary>
public sealed record JitterBufferOptions
{
    /// <summary>The playout delay to start with, and the fixed delay when <see cref="Adaptive"/> is off.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>The least delay adaptation may shrink to.</summary>
    public TimeSpan MinimumDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The most delay adaptation may grow to.</summary>
    public TimeSpan MaximumDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Grow the delay after late packets and let it decay when they stop.</summary>
    public bool Adaptive { get; init; } = true;

    /// <summary>Preallocated packet slots; a packet beyond them evicts the oldest.</summary>
    public int Capacity { get; init; } = 32;

    /// <summary>The largest payload a slot holds; bigger payloads are dropped.</summary>
    public int MaxPayloadLength { get; init; } = 640;

    /// <summary>
    /// A timestamp step beyond this (either way) from the playout point, on a packet newer in sequence, means
    /// the sender's timeline jumped: the buffer restarts from that packet.
    /// </summary>
    public TimeSpan TimestampJumpThreshold { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        if (MinimumDelay <= TimeSpan.Zero || MinimumDelay > InitialDelay || InitialDelay > MaximumDelay)
        {
            throw new ArgumentException("Jitter buffer delays must satisfy 0 < minimum ≤ initial ≤ maximum.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 4, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPayloadLength, nameof(MaxPayloadLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimestampJumpThreshold, MaximumDelay, nameof(TimestampJumpThreshold));
    }
}
