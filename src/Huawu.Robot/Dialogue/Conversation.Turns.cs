using System.Globalization;
using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;
using Huawu.Robot.Slots;
using Huawu.Robot.Understanding;

namespace Huawu.Robot.Dialogue;

public sealed partial class Conversation
{
    /// <summary>
    /// A callee turn, understood in this order: do-not-call (always first), keyword and pattern matches of the node's
    /// and the global intents, the slot of a collect node, the closer of example and knowledge-base similarity, then
    /// (at ask nodes) condition routes and a default route, the chat model, and finally no-match.
    /// </summary>
    private void OnHeard(Heard heard)
    {
        if (_phase != Phase.Listening)
        {
            Log(TranscriptSpeaker.Callee, heard.Text);
            return;
        }
        _state.Rounds++;
        _nodeRounds++;
        var understanding = _script.Understanding;
        var normalized = TextNormalizer.Normalize(heard.Text);
        var threshold = _node.Settings.Confidence;
        var candidates = understanding.CandidatesAt(_node.Id);
        if (heard.Confidence < _script.Definition.AsrMinConfidence || normalized.Length == 0)
        {
            Log(TranscriptSpeaker.Callee, heard.Text, confidence: heard.Confidence);
            if (!CallLimitReached()) NoMatch();
            return;
        }
        if (understanding.Intents.Match(normalized, understanding.DoNotCall, threshold) is { } refusal)
        {
            Understood(heard.Text, refusal);
            HandleGlobal(GlobalIntentKind.DoNotCall);
            return;
        }
        if (CallLimitReached(heard.Text)) return;
        if (understanding.Intents.MatchExplicit(normalized, candidates) is { } explicitMatch)
        {
            Understood(heard.Text, explicitMatch);
            ApplyIntent(explicitMatch.Intent);
        }
        else if (_node.Collect is { } slot && SlotReader.FromSpeech(slot.Type, heard.Text, Today) is { } value)
        {
            Understood(heard.Text, new IntentMatch(slot.Name, 1, MatchSource.Slot, value.ToString()));
            // A date said with a time of day keeps the time beside it (name_time): a promised callback is set for it.
            if (slot.Type == SlotType.Date && SlotReader.TimeOfDay(heard.Text) is { } time) SetValue(slot.Name + Script.TimeOfDaySuffix, time);
            FillSlot(slot, value);
        }
        else if (BestSimilarity(normalized, candidates, threshold) is { } similar)
        {
            Understood(heard.Text, similar.Match);
            if (similar.Knowledge is { } entry) AnswerFromKnowledge(entry);
            else ApplyIntent(similar.Match.Intent);
        }
        else if (_node.Kind == NodeKind.Ask && FirstRoute(r => r.Intent is null && r.Dtmf is null) is { } conditional)
        {
            // Condition routes (and a final default route) take what no intent or answer claimed.
            Log(TranscriptSpeaker.Callee, heard.Text, confidence: heard.Confidence);
            Enter(_script.Nodes[conditional.Goto.Id]);
        }
        else
        {
            Log(TranscriptSpeaker.Callee, heard.Text, confidence: heard.Confidence);
            if (!ConsultModel(heard.Text, normalized)) NoMatch();
        }
    }

    /// <summary>
    /// The closer of the best intent example and the best knowledge-base question, each above its own threshold:
    /// both are the same kind of evidence (BM25 similarity), so the stronger one decides (an intent on a tie).
    /// </summary>
    private (IntentMatch Match, KnowledgeEntry? Knowledge)? BestSimilarity(string normalized, IntentCandidates candidates, double threshold)
    {
        var understanding = _script.Understanding;
        var intent = understanding.Intents.MatchExamples(normalized, candidates, threshold);
        var answer = understanding.Knowledge.Find(normalized, _script.Definition.Knowledge.Threshold);
        if (answer is not null && (intent is null || answer.Confidence > intent.Confidence))
        {
            return (new IntentMatch("kb:" + answer.Entry.Id, answer.Confidence, MatchSource.KnowledgeBase, answer.Phrasing), answer.Entry);
        }
        return intent is null ? null : (intent, null);
    }

    /// <summary>The call-wide turn limit (rounds plus silences); reached, the call goes to <c>limits.on_limit</c>.</summary>
    private bool CallLimitReached(string? said = null)
    {
        if (_state.Rounds + _state.Silences <= _script.Definition.Limits.MaxRounds) return false;
        if (said is not null) Log(TranscriptSpeaker.Callee, said);
        Log(TranscriptSpeaker.System, "call round limit");
        ReachLimit(_script.Definition.Limits.OnLimit);
        return true;
    }

    private void Understood(string text, IntentMatch match)
    {
        LastUnderstanding = match;
        Log(TranscriptSpeaker.Callee, text, match.Intent, match.Confidence);
    }

    private void OnKeys(string digits)
    {
        _state.Rounds++;
        _nodeRounds++;
        Log(TranscriptSpeaker.Callee, "DTMF " + digits);
        if (CallLimitReached()) return;
        if (FirstRoute(r => r.Dtmf == digits) is { } keyed)
        {
            LastUnderstanding = new IntentMatch("dtmf:" + digits, 1, MatchSource.Dtmf, digits);
            Enter(_script.Nodes[keyed.Goto.Id]);
        }
        else if (_node.Collect is { } slot && SlotReader.FromKeys(slot.Type, digits) is { } value)
        {
            LastUnderstanding = new IntentMatch(slot.Name, 1, MatchSource.Slot, value.ToString());
            FillSlot(slot, value);
        }
        else
        {
            NoMatch();
        }
    }

    private void OnSilence()
    {
        _state.Silences++;
        _nodeSilences++;
        Log(TranscriptSpeaker.System, "silence");
        if (CallLimitReached()) return;
        // The node's own silence limit comes before the call-wide one: its on_limit knows the context.
        if (_nodeSilences > _node.Settings.MaxSilences) NodeLimit(silence: true);
        else HandleGlobal(GlobalIntentKind.Silence);
    }

    /// <summary>
    /// An intent was recognized: the node's route for it if one applies, else the global intent's handling; a node
    /// intent whose routes' conditions all fail is a no-match.
    /// </summary>
    private void ApplyIntent(string intent)
    {
        _state.LastIntent = intent;
        if (FirstRoute(r => r.Intent == intent) is { } route)
        {
            _state.Hit(intent);
            Count(_script.Definition.Intents.GetValueOrDefault(intent)?.Counts ?? GlobalCounts(intent));
            Enter(_script.Nodes[route.Goto.Id]);
        }
        else if (GlobalIntentNames.TryParse(intent, out var kind))
        {
            HandleGlobal(kind);
        }
        else
        {
            _state.Hit(intent);
            NoMatch();
        }
    }

    private IntentCount GlobalCounts(string intent) =>
        GlobalIntentNames.TryParse(intent, out var kind) ? _script.Definition.Globals[kind].Match?.Counts ?? IntentCount.None : IntentCount.None;

    private void Count(IntentCount counts)
    {
        if (counts == IntentCount.BusinessQuestion) _state.BusinessQuestions++;
        if (counts == IntentCount.Refusal) _state.Refusals++;
    }

    private void FillSlot(SlotSpec slot, ScriptValue value)
    {
        SetValue(slot.Name, value);
        var route = FirstRoute(r => r.Intent is null && r.Dtmf is null);
        Enter(_script.Nodes[route?.Goto.Id ?? _node.Next!.Id]);
    }

    private static string Describe(double confidence) => confidence.ToString("0.00", CultureInfo.InvariantCulture);
}
