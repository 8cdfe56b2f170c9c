namespace Huawu.Robot.Scripts;

/// <summary>
/// What every script gets without writing it: the global intents of its language (keywords, examples, answers,
/// limits), the callback offer of a transfer nobody takes, and the default grading rules.
/// </summary>
internal static partial class BuiltInGlobals
{
    private static readonly Continuation Listen = new(ContinuationKind.Listen, null, SourcePosition.None);

    public static BuiltInGlobal For(ScriptLanguage language, GlobalIntentKind kind) => (language == ScriptLanguage.Zh ? Zh : En)[kind];

    /// <summary>The grading, in order (first match wins): E not connected, F invalid, D busy, A, B, else C.</summary>
    public static IReadOnlyList<(string Grade, string? When)> Grading { get; } =
    [
        ("E", "!connected"),
        ("F", "outcome == 'wrong_number' || outcome == 'invalid'"),
        ("D", "outcome == 'busy'"),
        ("A", "business_questions >= 2 && refusals == 0"),
        ("B", "business_questions >= 1 && refusals <= 1"),
        ("C", null),
    ];

    public static (string Offer, string Yes, string No) CallbackTexts(ScriptLanguage language) => language == ScriptLanguage.Zh
        ? ("现在坐席都在忙，稍后请专人给您回电可以吗？", "好的，稍后会有专人给您回电，再见。", "好的，感谢您的接听，再见。")
        : ("All our agents are busy right now. May we call you back later?", "Great, someone will call you back soon. Goodbye.",
            "All right, thank you for your time. Goodbye.");

    public static string Disclosure(ScriptLanguage language) => language == ScriptLanguage.Zh
        ? "您好，我是智能语音助理，本次通话由AI完成。"
        : "Hello, this is an AI voice assistant calling.";

    /// <summary>What the robot says when a limit ends the call (too many silences, misses or rounds).</summary>
    public static string Goodbye(ScriptLanguage language) => language == ScriptLanguage.Zh
        ? "好的，那先不打扰您了，再见。"
        : "All right, I'll let you go. Goodbye.";
}
