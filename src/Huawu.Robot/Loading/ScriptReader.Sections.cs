using Huawu.Robot.Expressions;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Loading;

internal sealed partial class ScriptReader
{
    private static Dictionary<string, VariableDefinition> ReadVariables(MapReader top)
    {
        var variables = new Dictionary<string, VariableDefinition>(StringComparer.Ordinal);
        if (top.Node("variables") is YamlSequenceNode)
        {
            // A plain list names variables the caller must supply.
            foreach (var text in top.Texts("variables")) variables[text.Text] = new VariableDefinition(text.Text, true, null, text.Position);
            return variables;
        }
        if (top.Map("variables") is not { } map) return variables;
        foreach (var (name, value, position) in map.Entries())
        {
            if (value is YamlMappingNode details)
            {
                var reader = map.Child(details);
                var defaultValue = reader.Text("default");
                variables[name] = new VariableDefinition(name, reader.Boolean("required") ?? defaultValue is null, defaultValue, position);
                reader.Text("description");
                reader.Finish();
            }
            else
            {
                // name: value is a default; name: (empty) is required.
                var defaultValue = MapReader.IsNull(value) ? null : (value as YamlScalarNode)?.Value;
                variables[name] = new VariableDefinition(name, defaultValue is null, defaultValue, position);
            }
        }
        return variables;
    }

    private static Dictionary<string, string> ReadPrompts(MapReader top)
    {
        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top.Map("prompts") is not { } map) return prompts;
        foreach (var (id, value, position) in map.Entries())
        {
            if (value is YamlScalarNode { Value: { } file }) prompts[id] = file;
            else map.Report(ScriptErrorCode.WrongType, position, id, "text");
        }
        return prompts;
    }

    /// <summary>Reads <c>defaults</c> into the settings every node starts from; returns the ASR confidence floor.</summary>
    private double ReadDefaults(MapReader top)
    {
        if (top.Map("defaults") is not { } map) return 0;
        _defaults = ReadSettings(map, NodeSettings.Default);
        var floor = map.Number("asr_min_confidence", 0, 1) ?? 0;
        map.Finish();
        return floor;
    }

    private static NodeSettings ReadSettings(MapReader map, NodeSettings inherited)
    {
        var endpointing = inherited.Endpointing;
        if (map.Map("endpointing") is { } e)
        {
            endpointing = new Endpointing(
                e.Integer("min_speech_ms", 0, 10_000) ?? endpointing.MinSpeechMs,
                e.Integer("trailing_silence_ms", 100, 10_000) ?? endpointing.TrailingSilenceMs,
                e.Integer("max_utterance_ms", 1_000, 120_000) ?? endpointing.MaxUtteranceMs,
                e.Integer("no_input_ms", 1_000, 120_000) ?? endpointing.NoInputTimeoutMs);
            e.Finish();
        }
        return new NodeSettings(
            map.Boolean("barge_in") ?? inherited.BargeIn,
            endpointing,
            map.Number("confidence", 0, 1) ?? inherited.Confidence,
            map.Integer("max_rounds", 1, 100) ?? inherited.MaxRounds,
            map.Integer("max_silences", 0, 100) ?? inherited.MaxSilences);
    }

    private static CallLimits ReadLimits(MapReader top)
    {
        if (top.Map("limits") is not { } map) return CallLimits.Default;
        var limits = new CallLimits(
            map.Integer("max_rounds", 1, 1000) ?? CallLimits.Default.MaxRounds,
            ReadContinuation(map, "on_limit") ?? CallLimits.Default.OnLimit);
        map.Finish();
        return limits;
    }

    private static Dictionary<string, IntentDefinition> ReadIntents(MapReader top)
    {
        var intents = new Dictionary<string, IntentDefinition>(StringComparer.Ordinal);
        if (top.Map("intents") is not { } map) return intents;
        foreach (var (name, value, position) in map.Entries())
        {
            if (value is not YamlMappingNode details)
            {
                map.Report(ScriptErrorCode.WrongType, position, name, "a mapping");
                continue;
            }
            var reader = map.Child(details);
            intents[name] = ReadIntent(reader, name, position, [], [], []);
            reader.Finish();
        }
        return intents;
    }

    /// <summary>Reads keywords, patterns, examples and the counter an intent adds to, on top of built-in ones.</summary>
    private static IntentDefinition ReadIntent(MapReader reader, string name, SourcePosition position,
        IEnumerable<string> keywords, IEnumerable<string> patterns, IEnumerable<string> examples, IntentCount counts = IntentCount.None)
    {
        var replace = reader.Boolean("replace") ?? false;
        var ownKeywords = reader.Texts("keywords").Select(t => t.Text);
        var ownPatterns = reader.Texts("regex");
        var ownExamples = reader.Texts("examples").Select(t => t.Text);
        if (reader.LocatedText("counts") is { } count)
        {
            counts = count.Text switch
            {
                "business" => IntentCount.BusinessQuestion,
                "refusal" => IntentCount.Refusal,
                "none" => IntentCount.None,
                _ => Invalid(reader, count, "counts", "business, refusal, none", counts),
            };
        }
        return new IntentDefinition(name,
            [.. (replace ? ownKeywords : keywords.Concat(ownKeywords))],
            [.. (replace ? ownPatterns : patterns.Select(p => new LocatedText(p, SourcePosition.None)).Concat(ownPatterns))],
            [.. (replace ? ownExamples : examples.Concat(ownExamples))],
            counts, position);
    }

    private static T Invalid<T>(MapReader reader, LocatedText value, string key, string allowed, T fallback)
    {
        reader.Report(ScriptErrorCode.InvalidValue, value.Position, key, value.Text, allowed);
        return fallback;
    }

    private static ScriptExpression? Condition(MapReader where, LocatedText? text)
    {
        if (text is null) return null;
        var parsed = ExpressionParser.Parse(text.Text);
        if (parsed.Expression is null)
        {
            where.Report(ScriptErrorCode.BadCondition, text.Position, text.Text, $"{parsed.Error} (offset {parsed.ErrorOffset})");
        }
        return parsed.Expression;
    }

    private static ChatModelSettings ReadChatModel(MapReader top)
    {
        if (top.Map("chat_model") is not { } map) return ChatModelSettings.Off;
        var settings = new ChatModelSettings(map.Boolean("enabled") ?? true, map.Number("min_confidence", 0, 1) ?? ChatModelSettings.Off.MinConfidence);
        map.Finish();
        return settings;
    }
}
