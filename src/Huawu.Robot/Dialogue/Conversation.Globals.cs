using Huawu.Robot.ChatModel;
using Huawu.Robot.Scripts;
using Huawu.Robot.Understanding;

namespace Huawu.Robot.Dialogue;

public sealed partial class Conversation
{
    private bool _doNotCall;

    /// <summary>
    /// Handles a global intent: counts it, and within its per-call limit says its answer and continues as configured;
    /// beyond the limit goes to its <c>on_limit</c>. Do-not-call records the refusal before a word is said.
    /// </summary>
    private void HandleGlobal(GlobalIntentKind kind)
    {
        var global = _script.Definition.Globals[kind];
        _state.Hit(global.Name);
        if (kind is not (GlobalIntentKind.Silence or GlobalIntentKind.NoMatch)) _state.LastIntent = global.Name;
        Count(global.Match?.Counts ?? IntentCount.None);
        var count = _globalCounts[kind] = _globalCounts.GetValueOrDefault(kind) + 1;
        if (kind == GlobalIntentKind.DoNotCall && !_doNotCall)
        {
            _doNotCall = true;
            Log(TranscriptSpeaker.System, "added to the do-not-call list");
            _actions.Add(new DoNotCallAction(_script.Language == ScriptLanguage.Zh ? "通话中客户要求不再来电" : "the callee asked not to be called again"));
        }
        if (count > global.Limit)
        {
            Log(TranscriptSpeaker.System, $"{global.Name} limit");
            ReachLimit(global.OnLimit);
            return;
        }
        if (global.Say is not null) Speak(global.Say, null, SpeechKind.Global, _node.Settings.BargeIn);
        if (kind == GlobalIntentKind.Repeat)
        {
            foreach (var (text, prompt) in _previousTurnLines) SayLine(text, prompt, SpeechKind.Repeat, _node.Settings.BargeIn);
            _turnLines.AddRange(_previousTurnLines);
        }
        Continue(global.Then, silence: kind == GlobalIntentKind.Silence);
    }

    private void NoMatch()
    {
        _state.NoMatches++;
        HandleGlobal(GlobalIntentKind.NoMatch);
    }

    private void AnswerFromKnowledge(KnowledgeEntry entry)
    {
        _state.KnowledgeAnswers++;
        _state.BusinessQuestions++;
        _state.Hit("kb:" + entry.Id);
        Speak(entry.Answer, null, SpeechKind.Knowledge, _node.Settings.BargeIn);
        Continue(_script.Definition.Knowledge.Then);
    }

    /// <summary>Asks the chat model when the script allows it and the runtime offers one; false when it cannot be asked.</summary>
    private bool ConsultModel(string utterance, string normalized)
    {
        if (!_script.Definition.ChatModel.Enabled || !_options.ChatModelAvailable) return false;
        var understanding = _script.Understanding;
        var candidates = understanding.CandidatesAt(_node.Id);
        var intents = candidates.Ordered.Select(label => understanding.Intents.NameOf(label))
            .Where(name => name != GlobalIntentNames.NameOf(GlobalIntentKind.DoNotCall))
            .Select(name => new ModelIntentOption(name, ExamplesOf(name))).ToList();
        var knowledge = understanding.Knowledge.Closest(normalized, 5)
            .Select(e => new ModelKnowledge(e.Id, e.Question, Render(e.Answer))).ToList();
        _phase = Phase.AwaitingModel;
        _pendingUtterance = utterance;
        _actions.Add(new ConsultModelAction(new ModelQuestion(utterance, _script.Language, intents, knowledge)));
        return true;
    }

    private List<string> ExamplesOf(string intent) =>
        (_script.Definition.Intents.GetValueOrDefault(intent) ??
         (GlobalIntentNames.TryParse(intent, out var kind) ? _script.Definition.Globals[kind].Match : null))?.Examples.Take(5).ToList() ?? [];

    /// <summary>
    /// The model's verdict, trusted only as far as the script allows: an intent must be one offered at this node, an
    /// answer must rest on offered knowledge entries, and either must reach the script's confidence; otherwise the
    /// turn is a no-match, exactly as without a model.
    /// </summary>
    private void OnModelReplied(ModelVerdict verdict)
    {
        _phase = Phase.Listening;
        var utterance = _pendingUtterance ?? "";
        _pendingUtterance = null;
        var confident = verdict.Confidence >= _script.Definition.ChatModel.MinConfidence;
        var offered = _script.Understanding.CandidatesAt(_node.Id).Ordered.Select(_script.Understanding.Intents.NameOf).ToHashSet(StringComparer.Ordinal);
        var known = _script.Definition.Knowledge.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (confident && verdict is { Kind: ModelVerdictKind.Intent, Intent: { } intent } && offered.Contains(intent))
        {
            LastUnderstanding = new IntentMatch(intent, verdict.Confidence, MatchSource.ChatModel, utterance);
            Log(TranscriptSpeaker.System, $"model: {intent} ({Describe(verdict.Confidence)})", intent, verdict.Confidence);
            ApplyIntent(intent);
        }
        else if (confident && verdict is { Kind: ModelVerdictKind.Answer, Answer: { Length: > 0 } answer } &&
                 verdict.Sources.Count > 0 && verdict.Sources.All(known.Contains))
        {
            LastUnderstanding = new IntentMatch("kb:" + string.Join('+', verdict.Sources), verdict.Confidence, MatchSource.ChatModel, utterance);
            _state.KnowledgeAnswers++;
            _state.BusinessQuestions++;
            SayLine(answer, null, SpeechKind.Model, _node.Settings.BargeIn);
            _turnLines.Add((answer, null));
            Continue(_script.Definition.Knowledge.Then);
        }
        else
        {
            Log(TranscriptSpeaker.System, "model fallback: " + (verdict.Reason ?? "not confident or not allowed"));
            NoMatch();
        }
    }
}
