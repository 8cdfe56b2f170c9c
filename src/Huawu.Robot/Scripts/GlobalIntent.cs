namespace Huawu.Robot.Scripts;

/// <summary>The situations every script handles, wherever the call is (the script's <c>global:</c> section).</summary>
public enum GlobalIntentKind
{
    /// <summary>"Are you a robot?"</summary>
    Robot,

    /// <summary>"Say that again?"</summary>
    Repeat,

    /// <summary>"I'm busy, call me later."</summary>
    Busy,

    NotInterested,

    /// <summary>"Don't call me again": always adds the number to the do-not-call list at once and ends the call.</summary>
    DoNotCall,

    Complaint,

    WrongNumber,

    /// <summary>"Who is this?"</summary>
    WhoIsThis,

    /// <summary>Nothing heard before the node's no-input timeout.</summary>
    Silence,

    /// <summary>Heard, but nothing matched (no intent, no slot, no knowledge answer).</summary>
    NoMatch,
}

/// <summary>A global intent as the script configured it over the language's built-in defaults.</summary>
/// <param name="Match">How it is recognized; null for <see cref="GlobalIntentKind.Silence"/> and <see cref="GlobalIntentKind.NoMatch"/>.</param>
/// <param name="Say">What the robot answers; null for <see cref="GlobalIntentKind.Repeat"/>, which repeats the robot's last line.</param>
/// <param name="Limit">How many times per call it is handled with <paramref name="Then"/>; beyond that, <paramref name="OnLimit"/>.</param>
internal sealed record GlobalIntent(
    GlobalIntentKind Kind,
    IntentDefinition? Match,
    TextTemplate? Say,
    Continuation Then,
    int Limit,
    Continuation OnLimit)
{
    public string Name => GlobalIntentNames.NameOf(Kind);
}
