namespace Huawu.Data.Retention;

/// <summary>What one retention pass removed.</summary>
public sealed record PurgeReport(DateTimeOffset At, int Recordings, int TranscriptSegments, int Calls, int Contacts)
{
    public bool IsEmpty => Recordings == 0 && TranscriptSegments == 0 && Calls == 0 && Contacts == 0;

    public override string ToString() =>
        $"recordings={Recordings} transcript_segments={TranscriptSegments} calls={Calls} contacts={Contacts}";
}

/// <summary>The outcome of a scheduled pass: its report, or the error that stopped it (the next pass tries again).</summary>
public sealed class PurgeCompletedEventArgs(PurgeReport? report, Exception? error) : EventArgs
{
    public PurgeReport? Report { get; } = report;

    public Exception? Error { get; } = error;
}
