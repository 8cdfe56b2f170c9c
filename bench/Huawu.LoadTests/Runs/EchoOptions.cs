namespace Huawu.LoadTests.Runs;

/// <summary>
/// The concurrent echo run: for each call count in turn (until one does not hold), SIPp sets up the calls at
/// <see cref="SetupRate"/> and holds them all for <see cref="Duration"/>, sending 20 ms PCMU both ways.
/// <see cref="CaptureCalls"/> of them (the first set up) are captured and checked packet by packet; 0 captures none.
/// It passes when <see cref="TargetCalls"/> holds.
/// </summary>
internal sealed record EchoOptions(
    IReadOnlyList<int> CallCounts,
    double SetupRate,
    TimeSpan Duration,
    int CaptureCalls,
    int TargetCalls,
    int? RtpTasksPerThread,
    bool KeepCapture);
