namespace Huawu.Robot.Scripts;

/// <summary>A global intent's built-in behaviour in one language, before the script's <c>global:</c> section adjusts it.</summary>
internal sealed record BuiltInGlobal(
    string[] Keywords,
    string[] Patterns,
    string[] Examples,
    string? Say,
    Continuation Then,
    int Limit,
    Continuation OnLimit,
    IntentCount Counts = IntentCount.None);
