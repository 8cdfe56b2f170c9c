using Huawu.Robot.Loading;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Understanding;

/// <summary>
/// What a loaded script recognizes with, built once and shared by all its calls: one intent matcher over the
/// script's intents and the global ones, the knowledge index, and each listening node's candidate intents.
/// </summary>
internal sealed class ScriptUnderstanding
{
    private readonly Dictionary<string, IntentCandidates> _candidates = new(StringComparer.Ordinal);

    private ScriptUnderstanding(IntentMatcher intents, KnowledgeIndex knowledge, IntentCandidates doNotCall)
    {
        Intents = intents;
        Knowledge = knowledge;
        DoNotCall = doNotCall;
    }

    public IntentMatcher Intents { get; }

    public KnowledgeIndex Knowledge { get; }

    /// <summary>Only the do-not-call intent: checked before anything else, at every turn.</summary>
    public IntentCandidates DoNotCall { get; }

    public IntentCandidates CandidatesAt(string nodeId) => _candidates[nodeId];

    public static ScriptUnderstanding Build(ScriptDefinition script, ScriptErrorSink errors)
    {
        foreach (var clash in script.Intents.Values.Where(i => GlobalIntentNames.TryParse(i.Name, out _)))
        {
            // A script adjusts a global intent under global:, it does not define a second one of the same name.
            errors.Add(ScriptErrorCode.DuplicateId, null, clash.Position, clash.Name);
        }
        var globals = script.Globals.Values.Where(g => g.Match is not null).ToList();
        var definitions = script.Intents.Values.Where(i => !GlobalIntentNames.TryParse(i.Name, out _)).Concat(globals.Select(g => g.Match!)).ToList();
        var matcher = IntentMatcher.Build(definitions, errors);
        var doNotCall = GlobalIntentNames.NameOf(GlobalIntentKind.DoNotCall);
        var understanding = new ScriptUnderstanding(matcher, new KnowledgeIndex(script.Knowledge.Entries), matcher.Candidates([doNotCall], []));
        foreach (var node in script.Nodes.Where(n => n.Listens))
        {
            // At a yes/no question "不需要" is the answer "no", not a refusal of the whole call.
            var globalNames = globals.Where(g => !(g.Kind == GlobalIntentKind.NotInterested && node.Collect?.Type == SlotType.YesNo))
                .Select(g => g.Name);
            var local = node.Routes.Where(r => r.Intent is not null).Select(r => r.Intent!);
            understanding._candidates[node.Id] = matcher.Candidates(local, globalNames);
        }
        return understanding;
    }
}
