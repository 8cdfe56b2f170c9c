namespace Huawu.Speech.Endpointing;

public enum EndpointingEventKind
{
    /// <summary>Speech has lasted the minimum: an utterance is under way (barge-in, start streaming to the recognizer).</summary>
    SpeechStarted,

    /// <summary>The utterance is over (see <see cref="UtteranceEndReason"/>).</summary>
    SpeechEnded,

    /// <summary>
    /// Speech has lasted <see cref="EndpointingOptions.OnsetSpeech"/>: probably an utterance, not yet confirmed (barge-in
    /// reacts here, sooner than the utterance start). Once per candidate, never after its <see cref="SpeechStarted"/>;
    /// a candidate that dies before the minimum speech raises no further event.
    /// </summary>
    SpeechOnset,
}
