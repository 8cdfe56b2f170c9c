namespace Huawu.ContactCenter.Acd;

/// <summary>How a queue offers a waiting call to its available members.</summary>
public enum QueueStrategy
{
    /// <summary>One member at a time, the one idle longest first, each for the queue's ring time; then the next.</summary>
    LongestIdle,

    /// <summary>Every available member at once, for the ring time; the first to answer takes the call, the others stop ringing.</summary>
    RingAll,
}
