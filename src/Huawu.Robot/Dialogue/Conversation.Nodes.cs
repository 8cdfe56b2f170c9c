using Huawu.Robot.Expressions;
using Huawu.Robot.Grading;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Dialogue;

public sealed partial class Conversation
{
    /// <summary>
    /// Enters a node and runs it until the robot must wait (listen, transfer) or the call ends. Say and branch nodes
    /// move on at once; the validator refuses cycles of them, so this always reaches a waiting node.
    /// </summary>
    private void Enter(ScriptNode node)
    {
        while (true)
        {
            _node = node;
            _nodeRounds = 0;
            _nodeSilences = 0;
            foreach (var tag in node.Tags.Where(_state.AddTag)) _actions.Add(new TagAction(tag));
            foreach (var (name, value) in node.Set) SetValue(name, ScriptValue.Of(Render(value)));
            if (node.Say is not null) Speak(node.Say, node.Prompt?.Text, SpeechKind.Node, node.Settings.BargeIn);
            switch (node.Kind)
            {
                case NodeKind.Say:
                    node = _script.Nodes[node.Next!.Id];
                    continue;
                case NodeKind.Branch:
                    node = _script.Nodes[FirstRoute(r => r.Intent is null && r.Dtmf is null)!.Goto.Id];
                    continue;
                case NodeKind.Ask or NodeKind.Collect:
                    Listen();
                    return;
                case NodeKind.Transfer:
                    StartTransfer(node.Transfer!);
                    return;
                default:
                    Finish(node.Outcome!, hangUp: true);
                    return;
            }
        }
    }

    /// <summary>The first route of the current node that <paramref name="applies"/> and whose condition holds.</summary>
    private Route? FirstRoute(Func<Route, bool> applies) =>
        _node.Routes.FirstOrDefault(r => applies(r) && (r.When is null || r.When.IsTrue(_state)));

    private void Speak(TextTemplate text, string? promptId, SpeechKind kind, bool bargeIn)
    {
        var line = Render(text);
        _turnLines.Add((line, promptId));
        SayLine(line, promptId, kind, bargeIn);
    }

    private void SayLine(string line, string? promptId, SpeechKind kind, bool bargeIn)
    {
        Log(TranscriptSpeaker.Robot, line);
        var file = promptId is null ? null : _script.Definition.Prompts.GetValueOrDefault(promptId);
        _actions.Add(new SayAction(line, promptId, file, bargeIn, _node.Id, kind));
    }

    private void Listen()
    {
        _phase = Phase.Listening;
        _actions.Add(new ListenAction(_node.Id, _node.Settings.Endpointing, _node.Settings.BargeIn));
    }

    private void SetValue(string name, ScriptValue value)
    {
        _state.Set(name, value);
        _actions.Add(new VariableAction(name, value.ToString()));
    }

    /// <summary>
    /// Carries on after a global intent, an answer or a limit. Staying at a node whose rounds are used up goes to the
    /// node's limit instead (<paramref name="atLimit"/> marks the limit's own continuation, which is taken as written).
    /// </summary>
    private void Continue(Continuation next, bool silence = false, bool atLimit = false)
    {
        var staying = next.Kind is ContinuationKind.Reprompt or ContinuationKind.Listen;
        if (staying && !atLimit && (_nodeRounds >= _node.Settings.MaxRounds || _nodeSilences > _node.Settings.MaxSilences))
        {
            NodeLimit(silence);
            return;
        }
        switch (next.Kind)
        {
            case ContinuationKind.Reprompt:
                var line = _node.Reprompt ?? _node.Say;
                if (line is not null) Speak(line, _node.Reprompt is null ? _node.Prompt?.Text : null, SpeechKind.Reprompt, _node.Settings.BargeIn);
                Listen();
                break;
            case ContinuationKind.Listen:
                Listen();
                break;
            case ContinuationKind.Goto:
                Enter(_script.Nodes[next.Target!]);
                break;
            default:
                Finish(next.Target!, hangUp: true);
                break;
        }
    }

    /// <summary>The node's rounds or silences ran out: its <c>on_limit</c>, else the global silence or no-match limit.</summary>
    private void NodeLimit(bool silence)
    {
        Log(TranscriptSpeaker.System, silence ? "node silence limit" : "node round limit");
        var fallback = _script.Definition.Globals[silence ? GlobalIntentKind.Silence : GlobalIntentKind.NoMatch].OnLimit;
        ReachLimit(_node.OnLimit ?? fallback);
    }

    /// <summary>A limit ends politely: a hang-up says goodbye first; other continuations speak for themselves.</summary>
    private void ReachLimit(Continuation onLimit)
    {
        if (onLimit.Kind == ContinuationKind.HangUp) SayLine(BuiltInGlobals.Goodbye(_script.Language), null, SpeechKind.Goodbye, false);
        Continue(onLimit, atLimit: true);
    }

    private void StartTransfer(TransferSpec transfer)
    {
        _phase = Phase.Transferring;
        _state.Transfers++;
        Log(TranscriptSpeaker.System, $"transfer to {transfer.Kind.ToString().ToLowerInvariant()} {transfer.Target}");
        var context = new HandOffContext(_script.Name, _node.Id, [.. _transcript], _state.LastIntent, _state.Variables(), [.. _state.Tags],
            GradeAs("transferred"));
        _actions.Add(new TransferAction(transfer.Kind, transfer.Target, transfer.NoAnswerSeconds, context));
    }

    private void OnTransferEnded(bool answered)
    {
        if (answered)
        {
            Log(TranscriptSpeaker.System, "transfer answered");
            Finish("transferred", hangUp: false);
            return;
        }
        Log(TranscriptSpeaker.System, "transfer not answered");
        Enter(_script.Nodes[_node.Transfer!.Goto!.Id]);
    }

    private string? GradeAs(string outcome)
    {
        var previous = _state.Outcome;
        _state.Outcome = outcome;
        _state.DurationSeconds = (Now - _startedAt).TotalSeconds;
        var grade = Grader.Grade(_script.Definition.Grading, _state);
        _state.Outcome = previous;
        return grade;
    }

    private void Finish(string outcome, bool hangUp)
    {
        var grade = GradeAs(outcome);
        _state.Outcome = outcome;
        _phase = Phase.Finished;
        Log(TranscriptSpeaker.System, $"end: {outcome}, grade {grade ?? "-"}");
        Result = new ConversationResult(outcome, grade, [.. _state.Tags], _state.Variables(), _state.Counters(), _doNotCall, [.. _transcript]);
        if (hangUp) _actions.Add(new HangUpAction(outcome, grade));
    }
}
