using Huawu.Speech.Asr;
using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Pipeline;

/// <summary>
/// What happened on a call's voice pipeline, for the dialogue to react to. <see cref="At"/> is when, as time since the
/// pipeline started (the call's answer, give or take a tick), on the pipeline's clock; so are the other times events carry.
/// Turn events carry the <see cref="PipelineTurn.Id"/> they belong to, so a late result of an old turn is told apart.
/// </summary>
public abstract record PipelineEvent
{
    private PipelineEvent(TimeSpan at) => At = at;

    public TimeSpan At { get; }

    /// <summary>The caller began an utterance this turn takes (its speech began at <paramref name="SpeechStart"/>).</summary>
    public sealed record UtteranceStarted(TimeSpan At, long Turn, TimeSpan SpeechStart) : PipelineEvent(At);

    /// <summary>The utterance is over: its speech ran from <paramref name="SpeechStart"/> to <paramref name="SpeechEnd"/>; recognition finishes now.</summary>
    public sealed record UtteranceEnded(TimeSpan At, long Turn, TimeSpan SpeechStart, TimeSpan SpeechEnd, UtteranceEndReason Reason) : PipelineEvent(At);

    /// <summary>The caller spoke (or pressed a key) over the robot, and the playback stopped at this tick; the robot had played <paramref name="Played"/> of it.</summary>
    public sealed record BargedIn(TimeSpan At, long Turn, long Playback, TimeSpan Played) : PipelineEvent(At);

    /// <summary>What the recognizer has so far, while the caller speaks.</summary>
    public sealed record PartialRecognized(TimeSpan At, long Turn, RecognitionResult Result) : PipelineEvent(At);

    /// <summary>The turn's answer in words, with the utterance's speech from <paramref name="SpeechStart"/> to <paramref name="SpeechEnd"/>.</summary>
    public sealed record Recognized(TimeSpan At, long Turn, RecognitionResult Result, TimeSpan SpeechStart, TimeSpan SpeechEnd) : PipelineEvent(At);

    /// <summary>The turn's answer in keys (the terminator left out).</summary>
    public sealed record KeysEntered(TimeSpan At, long Turn, string Keys) : PipelineEvent(At);

    /// <summary>The caller said something, but nothing usable came of it.</summary>
    public sealed record NoMatch(TimeSpan At, long Turn, NoMatchReason Reason, RecognitionResult? Result = null, string? Error = null) : PipelineEvent(At);

    /// <summary>Neither speech nor keys came for the turn's no-input time after the robot stopped speaking.</summary>
    public sealed record NoInput(TimeSpan At, long Turn, TimeSpan Waited) : PipelineEvent(At);

    /// <summary>The turn ended without an answer because the dialogue listened anew, stopped listening, or the pipeline ended.</summary>
    public sealed record ListenStopped(TimeSpan At, long Turn) : PipelineEvent(At);

    /// <summary>A playback ended; it sent its first packet at <paramref name="Started"/> (null if it never did) and played <paramref name="Played"/>.</summary>
    public sealed record PlaybackEnded(TimeSpan At, long Playback, PlaybackOutcome Outcome, TimeSpan? Started, TimeSpan Played, string? Error = null)
        : PipelineEvent(At);

    /// <summary>A turn's reply went out: how long the caller waited, and where the time went.</summary>
    public sealed record TurnMeasured(TimeSpan At, long Turn, long Playback, TurnLatency Latency) : PipelineEvent(At);
}

/// <summary>Why a turn's speech gave no answer.</summary>
public enum NoMatchReason
{
    /// <summary>The recognizer matched nothing (an empty final result).</summary>
    NothingRecognized,

    /// <summary>The result's confidence was below <see cref="ListenOptions.MinConfidence"/>.</summary>
    LowConfidence,

    /// <summary>No final result came within <see cref="ListenOptions.NoMatchTimeout"/> of the end of the utterance.</summary>
    Timeout,

    /// <summary>The recognizer failed (the event's error says how).</summary>
    EngineFailed,
}

/// <summary>How a playback ended.</summary>
public enum PlaybackOutcome
{
    /// <summary>Played to its end.</summary>
    Completed,

    /// <summary>The caller barged in.</summary>
    BargedIn,

    /// <summary>Stopped by the dialogue, or by the pipeline's end.</summary>
    Stopped,

    /// <summary>The audio source failed (the event's error says how); what was produced before was played.</summary>
    Failed,
}
