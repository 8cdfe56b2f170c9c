namespace Huawu.Speech.Endpointing;

/// <summary>
/// An utterance boundary. Positions are samples of the input stream since it began (at <see cref="SampleRate"/>),
/// so they are exact and reproducible; <see cref="Start"/> and <see cref="End"/> give them as times.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="StartSample">Where the utterance's speech began (the first speech window, not the pre-roll).</param>
/// <param name="EndSample">
/// Started and onset: where the audio stood when it was recognized. Ended: the end of the last speech window (trailing
/// silence, end of stream) or where the utterance was cut (maximum length).
/// </param>
/// <param name="Reason">Why an utterance ended; <see cref="UtteranceEndReason.None"/> for a start.</param>
/// <param name="SampleRate">The input stream's rate.</param>
public readonly record struct EndpointingEvent(EndpointingEventKind Kind, long StartSample, long EndSample, UtteranceEndReason Reason, int SampleRate)
{
    public TimeSpan Start => ToTime(StartSample);

    public TimeSpan End => ToTime(EndSample);

    private TimeSpan ToTime(long sample) => TimeSpan.FromTicks(sample * TimeSpan.TicksPerSecond / SampleRate);
}
