namespace Huawu.Speech.Endpointing;

/// <summary>One utterance found in a recording: from its first to its last speech window, in samples of the recording.</summary>
public readonly record struct SpeechSegment(long StartSample, long EndSample, UtteranceEndReason Reason, int SampleRate)
{
    public TimeSpan Start => TimeSpan.FromTicks(StartSample * TimeSpan.TicksPerSecond / SampleRate);

    public TimeSpan End => TimeSpan.FromTicks(EndSample * TimeSpan.TicksPerSecond / SampleRate);
}
