using Huawu.Robot.Dialogue;
using Huawu.Robot.Localization;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Rehearsal;

/// <summary>Shows a rehearsal as a chat: the robot's lines with their node, what the callee's turns were understood as, events.</summary>
internal sealed class ActionPrinter(TextWriter? output, ScriptLanguage language)
{
    private bool _ended;

    public void Print(IEnumerable<RobotAction> actions)
    {
        if (output is null) return;
        foreach (var action in actions)
        {
            switch (action)
            {
                case SayAction say:
                    output.WriteLine($"{RehearsalTexts.Get(language, "robot")} [{say.NodeId}]{(language == ScriptLanguage.Zh ? "：" : ": ")}{say.Text}");
                    break;
                case TransferAction transfer:
                    output.WriteLine(RehearsalTexts.Get(language, "transfer", transfer.TargetKind.ToString().ToLowerInvariant(), transfer.Target, transfer.NoAnswerSeconds));
                    break;
                case DoNotCallAction dnc:
                    output.WriteLine(RehearsalTexts.Get(language, "dnc", dnc.Reason));
                    break;
                case ConsultModelAction:
                    output.WriteLine(RehearsalTexts.Get(language, "model"));
                    break;
            }
        }
    }

    public void Callee(TranscriptTurn turn) => output?.WriteLine($"{RehearsalTexts.Get(language, "you")}> " + turn.Kind switch
    {
        TranscriptTurnKind.Say => turn.Text,
        TranscriptTurnKind.Dtmf => "/dtmf " + turn.Text,
        TranscriptTurnKind.TransferAnswered => "/transfer answered",
        TranscriptTurnKind.TransferUnanswered => "/transfer no_answer",
        _ => "/" + turn.Kind.ToString().ToLowerInvariant(),
    });

    /// <summary>What the last turn was understood as and where the robot is now; the call's summary once it ended.</summary>
    public void Understood(Conversation conversation)
    {
        if (output is null) return;
        output.WriteLine($"  → {TranscriptReplay.Describe(conversation, language)} · {RehearsalTexts.Get(language, "node")} {conversation.CurrentNode}");
        if (conversation.Result is not { } result || _ended) return;
        _ended = true;
        output.WriteLine(RehearsalTexts.Get(language, "ended", result.Outcome, result.Grade ?? "-", string.Join(", ", result.Tags),
            string.Join(", ", result.Variables.Select(v => $"{v.Key}: {v.Value}"))));
    }
}
