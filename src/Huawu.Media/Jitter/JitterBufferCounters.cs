namespace Huawu.Media.Jitter;

/// <summary>What a jitter buffer has done since the stream started; frames are 20 ms.</summary>
public readonly record struct JitterBufferCounters(
    long PacketsAccepted,
    long PacketsDuplicate,
    long PacketsLate,
    long PacketsTooLarge,
    long PacketsEvicted,
    long Resets,
    long FramesAudio,
    long FramesConcealed,
    long FramesSilent,
    long FramesDiscarded,
    long Underruns,
    long DelayIncreases,
    TimeSpan TargetDelay);
