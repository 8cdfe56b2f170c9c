using Huawu.Robot.ChatModel;
using Huawu.Robot.Dialogue;
using Huawu.Robot.Localization;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Rehearsal;

/// <summary>The result of replaying a transcript: passed, or the first divergence (named in the tester's language).</summary>
public sealed record ReplayResult(bool Passed, string Message, IReadOnlyList<string> Path, ConversationResult? Result);

/// <summary>
/// Replays a scripted conversation against a script and checks the path node by node, then the end (outcome,
/// grade, do-not-call, tags, variables). Stops at the first divergence. The clock advances 5 s per turn.
/// </summary>
public static class TranscriptReplay
{
    private static readonly TimeSpan TurnLength = TimeSpan.FromSeconds(5);

    public static async Task<ReplayResult> RunAsync(Script script, TranscriptFile transcript, ScriptLanguage language,
        IChatClassifier? classifier = null, TextWriter? echo = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(transcript);
        var clock = new ReplayClock(transcript.Now);
        var created = Conversation.Create(script, new ConversationOptions(clock, transcript.Variables, ChatModelAvailable: classifier is not null));
        if (created.Conversation is not { } conversation)
        {
            return new ReplayResult(false, RehearsalTexts.Get(language, "missing-variables", string.Join(", ", created.MissingVariables)), [], null);
        }
        var driver = new ConversationDriver(conversation, classifier);
        var printer = new ActionPrinter(echo, language);
        var path = new List<string> { conversation.CurrentNode };
        printer.Print(await driver.StartAsync(cancellation));
        if (transcript.ExpectStart is { } start && start != conversation.CurrentNode)
        {
            return Fail(RehearsalTexts.Get(language, "diverged-start", start, conversation.CurrentNode));
        }
        for (var i = 0; i < transcript.Turns.Count; i++)
        {
            var turn = transcript.Turns[i];
            if (conversation.IsFinished) return Fail(RehearsalTexts.Get(language, "already-ended", i + 1, turn.Line, conversation.CurrentNode));
            clock.Advance(TurnLength);
            printer.Callee(turn);
            printer.Print(await driver.HandleAsync(InputOf(turn), cancellation));
            printer.Understood(conversation);
            if (path[^1] != conversation.CurrentNode) path.Add(conversation.CurrentNode);
            var understood = Describe(conversation, language);
            if (turn.ExpectIntent is { } intent && conversation.LastUnderstanding?.Intent != intent)
            {
                return Fail(RehearsalTexts.Get(language, "diverged-intent", i + 1, turn.Line, Label(turn), intent, understood));
            }
            if (turn.ExpectNode is { } node && node != conversation.CurrentNode)
            {
                return Fail(RehearsalTexts.Get(language, "diverged-node", i + 1, turn.Line, Label(turn), node, conversation.CurrentNode, understood));
            }
        }
        if (transcript.End is { } end && CheckEnd(conversation, end, language) is { } problem) return Fail(problem);
        return new ReplayResult(true, RehearsalTexts.Get(language, "passed", transcript.Turns.Count, string.Join(" → ", path)), path, conversation.Result);

        ReplayResult Fail(string message) => new(false, message, path, conversation.Result);
    }

    private static string? CheckEnd(Conversation conversation, TranscriptEnd end, ScriptLanguage language)
    {
        if (conversation.Result is not { } result) return RehearsalTexts.Get(language, "not-ended", conversation.CurrentNode);
        string Mismatch(string what, string expected, string actual) => RehearsalTexts.Get(language, "diverged-end", what, expected, actual);
        if (end.Outcome is { } outcome && outcome != result.Outcome) return Mismatch("outcome", outcome, result.Outcome);
        if (end.Grade is { } grade && grade != result.Grade) return Mismatch("grade", grade, result.Grade ?? "");
        if (end.DoNotCall is { } dnc && dnc != result.AddedToDoNotCall) return Mismatch("dnc", dnc ? "true" : "false", result.AddedToDoNotCall ? "true" : "false");
        if (end.Tags is { } tags && !tags.Order(StringComparer.Ordinal).SequenceEqual(result.Tags.Order(StringComparer.Ordinal)))
        {
            return Mismatch("tags", string.Join(",", tags), string.Join(",", result.Tags));
        }
        foreach (var (name, value) in end.Variables ?? new Dictionary<string, string>())
        {
            var actual = result.Variables.GetValueOrDefault(name) ?? "";
            if (actual != value) return Mismatch(name, value, actual);
        }
        return null;
    }

    private static ConversationInput InputOf(TranscriptTurn turn) => turn.Kind switch
    {
        TranscriptTurnKind.Say => new Heard(turn.Text!),
        TranscriptTurnKind.Dtmf => new KeysPressed(turn.Text!),
        TranscriptTurnKind.Silence => new NoInput(),
        TranscriptTurnKind.BargeIn => new BargeIn(),
        TranscriptTurnKind.HangUp => new HungUp(),
        TranscriptTurnKind.TransferAnswered => new TransferEnded(true),
        _ => new TransferEnded(false),
    };

    private static string Label(TranscriptTurn turn) => turn.Kind switch
    {
        TranscriptTurnKind.Say => $"'{turn.Text}'",
        TranscriptTurnKind.Dtmf => "dtmf " + turn.Text,
        _ => turn.Kind.ToString().ToLowerInvariant(),
    };

    internal static string Describe(Conversation conversation, ScriptLanguage language) =>
        conversation.LastUnderstanding is { } match
            ? $"{match.Intent} ({match.Source.ToString().ToLowerInvariant()}, {match.Confidence:0.00})"
            : RehearsalTexts.Get(language, "nothing");
}
