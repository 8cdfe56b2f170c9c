namespace Huawu.Robot.Scripts;

/// <summary>The names conditions and templates may read besides the script's own variables and slots.</summary>
public static class BuiltInNames
{
    /// <summary>Callee turns (utterances and keys) so far.</summary>
    public const string Rounds = "rounds";

    public const string Silences = "silences";

    public const string NoMatches = "no_matches";

    /// <summary>Knowledge-base answers plus intents marked <c>counts: business</c>.</summary>
    public const string BusinessQuestions = "business_questions";

    /// <summary>Intents marked <c>counts: refusal</c> (not interested, do not call, complaint by default).</summary>
    public const string Refusals = "refusals";

    public const string KnowledgeAnswers = "knowledge_answers";

    public const string Transfers = "transfers";

    /// <summary>Whether the call was answered (false only when grading a call that never connected).</summary>
    public const string Connected = "connected";

    /// <summary>The call's outcome (the hang-up's, <c>transferred</c>, <c>callee_hangup</c>…); empty while the call runs.</summary>
    public const string Outcome = "outcome";

    /// <summary>The last intent recognized.</summary>
    public const string Intent = "intent";

    public const string DurationSeconds = "duration_seconds";

    /// <summary>Prefix of per-intent hit counts: <c>hits.busy</c>, <c>hits.interested</c>.</summary>
    public const string HitsPrefix = "hits.";

    public static IReadOnlyList<string> Counters { get; } =
        [Rounds, Silences, NoMatches, BusinessQuestions, Refusals, KnowledgeAnswers, Transfers, Connected, Outcome, Intent, DurationSeconds];
}
