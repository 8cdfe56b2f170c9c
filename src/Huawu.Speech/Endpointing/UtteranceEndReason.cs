namespace Huawu.Speech.Endpointing;

public enum UtteranceEndReason
{
    /// <summary>Not an end (a <see cref="EndpointingEventKind.SpeechStarted"/> event).</summary>
    None,

    /// <summary>The trailing silence elapsed.</summary>
    TrailingSilence,

    /// <summary>The utterance reached the maximum length and was cut.</summary>
    MaxUtterance,

    /// <summary>The audio ended during the utterance.</summary>
    EndOfStream,
}
