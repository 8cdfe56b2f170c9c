namespace Huawu.Speech.Endpointing;

public enum EndpointingEventKind
{
    /// <summary>Speech has lasted the minimum: an utterance is under way (barge-in, start streaming to the recognizer).</summary>
    SpeechStarted,

    /// <summary>The utterance is over (see <see cref="UtteranceEndReason"/>).</summary>
    SpeechEnded,
}
