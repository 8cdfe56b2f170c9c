using Huawu.Robot.Loading;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Validation;

/// <summary>
/// Checks what the reader cannot see one key at a time: references between nodes, intents, prompts and names;
/// reachability; cycles the robot could never leave. Every problem is reported, not just the first.
/// </summary>
internal sealed partial class ScriptValidator
{
    private readonly ScriptDefinition _script;
    private readonly ScriptErrorSink _errors;
    private readonly Dictionary<string, ScriptNode> _nodes = new(StringComparer.Ordinal);

    private ScriptValidator(ScriptDefinition script, ScriptErrorSink errors)
    {
        _script = script;
        _errors = errors;
    }

    public static void Validate(ScriptDefinition script, ScriptErrorSink errors)
    {
        var validator = new ScriptValidator(script, errors);
        validator.CheckNodeIds();
        validator.CheckTargets();
        validator.CheckReachable();
        validator.CheckCyclesWithoutListen();
        validator.CheckPrompts();
        validator.CheckRoutes();
        validator.CheckIntents();
        validator.CheckNames();
    }

    private void CheckNodeIds()
    {
        foreach (var node in _script.Nodes)
        {
            if (!_nodes.TryAdd(node.Id, node)) _errors.Add(ScriptErrorCode.DuplicateId, node.Id, node.Position, node.Id);
        }
    }

    /// <summary>Where the conversation can jump from anywhere: global intents, the knowledge base, the call limit.</summary>
    private IEnumerable<Continuation> SharedContinuations() =>
        _script.Globals.Values.SelectMany(g => new[] { g.Then, g.OnLimit })
            .Append(_script.Knowledge.Then)
            .Append(_script.Limits.OnLimit);

    private void CheckTargets()
    {
        if (!_nodes.ContainsKey(_script.Start.Id))
        {
            _errors.Add(ScriptErrorCode.UnknownTargetNode, null, _script.Start.Position, _script.Start.Id);
        }
        foreach (var node in _script.Nodes)
        {
            foreach (var target in node.Targets().Where(t => !_nodes.ContainsKey(t.Id)))
            {
                _errors.Add(ScriptErrorCode.UnknownTargetNode, node.Id, target.Position, target.Id);
            }
        }
        foreach (var shared in SharedContinuations())
        {
            if (shared is { Kind: ContinuationKind.Goto, Target: { } id } && !_nodes.ContainsKey(id))
            {
                _errors.Add(ScriptErrorCode.UnknownTargetNode, null, shared.Position, id);
            }
        }
    }

    private void CheckReachable()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(SharedContinuations()
            .Where(c => c.Kind == ContinuationKind.Goto).Select(c => c.Target!).Append(_script.Start.Id));
        while (pending.TryPop(out var id))
        {
            if (!_nodes.TryGetValue(id, out var node) || !seen.Add(id)) continue;
            foreach (var target in node.Targets()) pending.Push(target.Id);
        }
        foreach (var node in _script.Nodes.Where(n => !seen.Contains(n.Id)))
        {
            _errors.Add(ScriptErrorCode.UnreachableNode, node.Id, node.Position);
        }
    }

    private void CheckPrompts()
    {
        foreach (var node in _script.Nodes)
        {
            var mustSpeak = node.Listens || node.Kind is NodeKind.Say or NodeKind.Transfer;
            if (mustSpeak && node.Say is null && node.Prompt is null) _errors.Add(ScriptErrorCode.MissingPrompt, node.Id, node.Position);
            if (node.Prompt is not { } prompt) continue;
            if (node.Say is null) _errors.Add(ScriptErrorCode.PromptWithoutText, node.Id, prompt.Position, prompt.Text);
            if (!_script.Prompts.ContainsKey(prompt.Text)) _errors.Add(ScriptErrorCode.UnknownPrompt, node.Id, prompt.Position, prompt.Text);
        }
    }

    private void CheckRoutes()
    {
        foreach (var node in _script.Nodes)
        {
            var hasDefault = node.Routes.Any(r => r.IsDefault) || node.Next is not null;
            if (node.Kind is NodeKind.Branch or NodeKind.Collect && !hasDefault)
            {
                _errors.Add(ScriptErrorCode.NoDefaultRoute, node.Id, node.Position);
            }
            if (node.Kind == NodeKind.Ask && node.Routes.Count == 0) _errors.Add(ScriptErrorCode.MissingKey, node.Id, node.Position, "routes");
        }
    }

    private void CheckIntents()
    {
        foreach (var intent in _script.Intents.Values.Where(i => !i.CanMatch))
        {
            _errors.Add(ScriptErrorCode.IntentCannotMatch, null, intent.Position, intent.Name);
        }
        foreach (var node in _script.Nodes)
        {
            foreach (var route in node.Routes.Where(r => r.Intent is { } name && !IsRecognizable(name)))
            {
                _errors.Add(ScriptErrorCode.UnknownIntent, node.Id, route.Position, route.Intent!);
            }
        }
    }

    private bool IsRecognizable(string intent) =>
        _script.Intents.ContainsKey(intent) ||
        (GlobalIntentNames.TryParse(intent, out var kind) && kind is not (GlobalIntentKind.Silence or GlobalIntentKind.NoMatch));
}
