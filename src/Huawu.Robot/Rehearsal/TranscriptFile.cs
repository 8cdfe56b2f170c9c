namespace Huawu.Robot.Rehearsal;

/// <summary>What the callee does in one turn of a scripted conversation.</summary>
public enum TranscriptTurnKind
{
    Say,
    Dtmf,
    Silence,
    BargeIn,
    HangUp,
    TransferAnswered,
    TransferUnanswered,
}

/// <summary>One turn: the callee's action and what the script must do with it (the node it ends at, the intent understood).</summary>
public sealed record TranscriptTurn(TranscriptTurnKind Kind, string? Text, string? ExpectNode, string? ExpectIntent, int Line);

/// <summary>How the call must end; unset fields are not checked.</summary>
public sealed record TranscriptEnd(
    string? Outcome,
    string? Grade,
    bool? DoNotCall,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, string>? Variables);

/// <summary>
/// A scripted conversation for regression tests of a script (<c>huawu script test FILE --transcript T</c>):
/// the call's variables and clock, the node after the opening, the callee's turns with their expected nodes, the end.
/// </summary>
public sealed record TranscriptFile(
    string? Script,
    DateTimeOffset Now,
    IReadOnlyDictionary<string, string> Variables,
    string? ExpectStart,
    IReadOnlyList<TranscriptTurn> Turns,
    TranscriptEnd? End)
{
    /// <summary>The default clock of a transcript: Monday 5 January 2026, 10:00 at UTC+8.</summary>
    public static DateTimeOffset DefaultNow { get; } = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));
}
