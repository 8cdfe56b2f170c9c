using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;

namespace Huawu.Robot.Validation;

internal sealed partial class ScriptValidator
{
    /// <summary>Every name a template or condition may use: variables, slots, names set by nodes, counters, intent hits.</summary>
    private HashSet<string> DefinedNames()
    {
        var names = new HashSet<string>(_script.Variables.Keys, StringComparer.Ordinal);
        names.UnionWith(BuiltInNames.Counters);
        foreach (var node in _script.Nodes)
        {
            if (node.Collect is { } slot) names.Add(slot.Name);
            names.UnionWith(node.Set.Select(s => s.Name));
        }
        names.UnionWith(_script.Intents.Keys.Concat(GlobalIntentNames.All.Select(GlobalIntentNames.NameOf)).Select(i => BuiltInNames.HitsPrefix + i));
        return names;
    }

    private void CheckNames()
    {
        var defined = DefinedNames();
        void CheckTemplate(TextTemplate? template, string? nodeId)
        {
            if (template is null) return;
            foreach (var name in template.Names.Where(n => !defined.Contains(n)).Distinct())
            {
                _errors.Add(ScriptErrorCode.UndefinedVariable, nodeId, template.Position, name);
            }
        }
        void CheckCondition(ScriptExpression? condition, string? nodeId, SourcePosition position)
        {
            foreach (var name in condition?.Names().Where(n => !defined.Contains(n)).Distinct() ?? [])
            {
                _errors.Add(ScriptErrorCode.UndefinedVariable, nodeId, position, name);
            }
        }

        CheckTemplate(_script.Disclosure.Text, null);
        foreach (var node in _script.Nodes)
        {
            CheckTemplate(node.Say, node.Id);
            CheckTemplate(node.Reprompt, node.Id);
            foreach (var (_, value) in node.Set) CheckTemplate(value, node.Id);
            foreach (var route in node.Routes) CheckCondition(route.When, node.Id, route.Position);
        }
        foreach (var global in _script.Globals.Values) CheckTemplate(global.Say, null);
        foreach (var entry in _script.Knowledge.Entries) CheckTemplate(entry.Answer, null);
        foreach (var rule in _script.Grading) CheckCondition(rule.When, null, rule.Position);
    }
}
