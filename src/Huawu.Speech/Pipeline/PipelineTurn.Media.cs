namespace Huawu.Speech.Pipeline;

// What the media thread keeps about the turn: where it stands, and the times its latency is measured from. Written
// on the media thread only; the times are read by whoever measures the reply, after the turn was decided.
public sealed partial class PipelineTurn
{
    internal enum Phase
    {
        /// <summary>Published by the dialogue; the media thread has not taken it up yet.</summary>
        Pending,

        /// <summary>Waiting for speech or keys (the no-input timer runs once the robot is quiet).</summary>
        Listening,

        /// <summary>An utterance is under way: its audio streams to the recognizer.</summary>
        Speaking,

        /// <summary>The utterance ended; the recognizer is finishing (the no-match timer runs).</summary>
        Recognizing,

        /// <summary>Decided: nothing more is done for it.</summary>
        Done,
    }

    internal Phase Stage { get; set; }

    /// <summary>Timestamp from which silence counts towards no input (the turn's start, or keys' last).</summary>
    internal long ListenFrom { get; set; }

    internal long SpeechStart { get; set; }

    /// <summary>Timestamp of the end of the utterance's last speech window.</summary>
    internal long SpeechEnd { get; set; }

    /// <summary>Timestamp of the tick that decided the endpoint.</summary>
    internal long Endpoint { get; set; }

    /// <summary>Timestamp when the final result was taken (off the media thread).</summary>
    internal long Final { get; set; }

    internal long NoMatchDeadline { get; set; }

    /// <summary>Timestamp of the last key of an entry still open (0: none); the inter-key timer runs from it.</summary>
    internal long LastKey { get; set; }
}
