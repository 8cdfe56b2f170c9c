namespace Huawu.Robot.Dialogue;

public enum TranscriptSpeaker
{
    Robot,
    Callee,

    /// <summary>Events: silences, keys, transfers, the do-not-call entry, the end.</summary>
    System,
}

/// <summary>One line of a call's transcript, with the node it happened at and what was understood.</summary>
public sealed record TranscriptEntry(DateTimeOffset At, TranscriptSpeaker Speaker, string Text, string? NodeId, string? Intent = null, double? Confidence = null);
