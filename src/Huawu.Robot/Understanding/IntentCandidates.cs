namespace Huawu.Robot.Understanding;

/// <summary>
/// The intents that may be recognized at one node: its routes' intents first (they know the context, and win ties),
/// then the global intents. <see cref="Mask"/> is the same set indexed by label, for filtering BM25 hits.
/// </summary>
internal sealed record IntentCandidates(int[] Ordered, bool[] Mask);
