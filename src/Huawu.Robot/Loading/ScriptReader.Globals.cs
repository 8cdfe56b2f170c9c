using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Loading;

internal sealed partial class ScriptReader
{
    /// <summary>Every global intent, built in for the language and adjusted by the script's <c>global:</c> section.</summary>
    private Dictionary<GlobalIntentKind, GlobalIntent> ReadGlobals(MapReader top)
    {
        var written = new Dictionary<GlobalIntentKind, MapReader>();
        if (top.Map("global") is { } map)
        {
            foreach (var (name, value, position) in map.Entries())
            {
                if (!GlobalIntentNames.TryParse(name, out var kind))
                {
                    map.Report(ScriptErrorCode.InvalidValue, position, "global", name,
                        string.Join(", ", GlobalIntentNames.All.Select(GlobalIntentNames.NameOf)));
                }
                else if (value is YamlMappingNode details)
                {
                    written[kind] = new MapReader(details, _errors, null);
                }
                else
                {
                    map.Report(ScriptErrorCode.WrongType, position, name, "a mapping");
                }
            }
        }
        return GlobalIntentNames.All.ToDictionary(kind => kind, kind => ReadGlobal(kind, written.GetValueOrDefault(kind)));
    }

    private GlobalIntent ReadGlobal(GlobalIntentKind kind, MapReader? written)
    {
        var builtIn = BuiltInGlobals.For(_language, kind);
        var name = GlobalIntentNames.NameOf(kind);
        var builtInSay = builtIn.Say is null ? null : TextTemplate.TryParse(builtIn.Say, SourcePosition.None, out _);
        if (written is null)
        {
            var match = kind is GlobalIntentKind.Silence or GlobalIntentKind.NoMatch
                ? null
                : new IntentDefinition(name, builtIn.Keywords, [.. builtIn.Patterns.Select(p => new LocatedText(p, SourcePosition.None))],
                    builtIn.Examples, builtIn.Counts, SourcePosition.None);
            return new GlobalIntent(kind, match, builtInSay, builtIn.Then, builtIn.Limit, builtIn.OnLimit);
        }
        var recognized = kind is GlobalIntentKind.Silence or GlobalIntentKind.NoMatch
            ? null
            : ReadIntent(written, name, written.Position, builtIn.Keywords, builtIn.Patterns, builtIn.Examples, builtIn.Counts);
        // say: "" silences the built-in answer (the continuation speaks instead).
        var say = written.Node("say") is not null ? Template(written, written.LocatedText("say")) is { IsEmpty: false } own ? own : null : builtInSay;
        // Asking not to be called again always ends the call, whatever else the script says: only its words change.
        var adjustable = kind != GlobalIntentKind.DoNotCall;
        var then = adjustable ? ReadContinuation(written, "then") ?? builtIn.Then : builtIn.Then;
        var limit = adjustable ? written.Integer("limit", 0, 100) ?? builtIn.Limit : builtIn.Limit;
        var onLimit = adjustable ? ReadContinuation(written, "on_limit") ?? builtIn.OnLimit : builtIn.OnLimit;
        written.Finish();
        return new GlobalIntent(kind, recognized, say, then, limit, onLimit);
    }
}
