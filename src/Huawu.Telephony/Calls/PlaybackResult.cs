namespace Huawu.Telephony.Calls;

/// <summary>Why a playback ended.</summary>
public enum PlaybackEnd
{
    /// <summary>The source had nothing more to send.</summary>
    Completed,

    /// <summary>The caller cancelled it (barge-in).</summary>
    Cancelled,

    /// <summary>Another playback took its place.</summary>
    Replaced,

    /// <summary>The call ended, or had already ended.</summary>
    HungUp,
}

/// <summary>How a playback ended and how much of it was sent (in 20 ms frames).</summary>
public sealed record PlaybackResult(PlaybackEnd End, TimeSpan Played);
