namespace Huawu.LoadTests.Runs;

/// <summary>
/// The call-rate run: for each rate in turn (until one does not hold), SIPp calls <see cref="Service"/> for
/// <see cref="Duration"/>, holding each call <see cref="Hold"/>. It passes when <see cref="TargetRate"/> holds.
/// </summary>
internal sealed record CallRateOptions(IReadOnlyList<int> Rates, TimeSpan Duration, TimeSpan Hold, int TargetRate, string Service);
