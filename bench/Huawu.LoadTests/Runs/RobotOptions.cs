namespace Huawu.LoadTests.Runs;

/// <summary>
/// The robot run: for each call count in turn (until one does not hold), SIPp sets up the calls to the parrot at
/// <see cref="SetupRate"/>; each caller speaks the Asterisk prompt <see cref="Prompt"/> every <see cref="Period"/> for
/// <see cref="Duration"/>. <see cref="CaptureCalls"/> of them (the first set up) are captured for the node's media clock.
/// </summary>
internal sealed record RobotOptions(
    IReadOnlyList<int> CallCounts,
    double SetupRate,
    TimeSpan Duration,
    TimeSpan Period,
    string Prompt,
    int CaptureCalls,
    bool KeepCapture);
