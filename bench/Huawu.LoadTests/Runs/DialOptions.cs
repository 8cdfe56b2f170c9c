namespace Huawu.LoadTests.Runs;

/// <summary>
/// The dial run: for each rate in turn (until one does not hold), a campaign of <see cref="Duration"/> × rate contacts dialled at that
/// rate into a SIPp trunk, each answered call held <see cref="Hold"/> (the prompt the node plays) and hung up by the node. It passes
/// when <see cref="TargetRate"/> holds.
/// </summary>
internal sealed record DialOptions(IReadOnlyList<int> Rates, TimeSpan Duration, TimeSpan Hold, int TargetRate);
