using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Loading;

internal sealed partial class ScriptReader
{
    private const string ContinuationShape = "reprompt, listen, {goto: node} or {hangup: outcome}";

    /// <summary><c>reprompt</c>, <c>listen</c>, <c>{goto: node}</c> or <c>{hangup: outcome}</c>.</summary>
    private static Continuation? ReadContinuation(MapReader map, string key)
    {
        var node = map.Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode { Value: "reprompt" }:
                return new Continuation(ContinuationKind.Reprompt, null, MapReader.At(node));
            case YamlScalarNode { Value: "listen" }:
                return new Continuation(ContinuationKind.Listen, null, MapReader.At(node));
            case YamlMappingNode mapping:
                var reader = map.Child(mapping);
                var target = reader.LocatedText("goto");
                var outcome = reader.LocatedText("hangup");
                reader.Finish();
                if ((target is null) == (outcome is null)) break;
                return target is not null
                    ? new Continuation(ContinuationKind.Goto, target.Text, target.Position)
                    : new Continuation(ContinuationKind.HangUp, outcome!.Text, outcome.Position);
        }
        map.Report(ScriptErrorCode.WrongType, MapReader.At(node), key, ContinuationShape);
        return null;
    }

    private static KnowledgeBase ReadKnowledge(MapReader top)
    {
        if (top.Map("knowledge") is not { } map) return KnowledgeBase.Empty;
        var threshold = map.Number("threshold", 0, 1) ?? KnowledgeBase.Empty.Threshold;
        var then = ReadContinuation(map, "then") ?? KnowledgeBase.Empty.Then;
        var entries = new List<KnowledgeEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in map.List("entries")?.Children ?? [])
        {
            if (item is not YamlMappingNode details)
            {
                map.Report(ScriptErrorCode.WrongType, MapReader.At(item), "entries", "a mapping");
                continue;
            }
            var entry = map.Child(details);
            var question = entry.Text("question", required: true);
            var id = entry.LocatedText("id") ?? new LocatedText($"q{entries.Count + 1}", entry.Position);
            var similar = entry.Texts("similar").Select(t => t.Text).ToList();
            var answer = Template(entry, entry.LocatedText("answer", required: true));
            entry.Finish();
            if (!ids.Add(id.Text)) entry.Report(ScriptErrorCode.DuplicateId, id.Position, id.Text);
            if (question is not null && answer is not null) entries.Add(new KnowledgeEntry(id.Text, question, similar, answer, entry.Position));
        }
        map.Finish();
        return new KnowledgeBase(entries, threshold, then);
    }

    private static List<GradingRule> ReadGrading(MapReader top)
    {
        if (top.List("grading") is not { } list)
        {
            return [.. BuiltInGlobals.Grading.Select(r => new GradingRule(r.Grade,
                r.When is null ? null : Expressions.ExpressionParser.Parse(r.When).Expression, SourcePosition.None))];
        }
        var rules = new List<GradingRule>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode details)
            {
                top.Report(ScriptErrorCode.WrongType, MapReader.At(item), "grading", "a mapping");
                continue;
            }
            var rule = top.Child(details);
            var grade = rule.Text("grade", required: true);
            var when = rule.LocatedText("when");
            var condition = Condition(rule, when);
            rule.Finish();
            if (grade is not null && (when is null || condition is not null)) rules.Add(new GradingRule(grade, condition, rule.Position));
        }
        return rules;
    }
}
