using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Loading;

/// <summary>
/// Turns the YAML of a script into its <see cref="ScriptDefinition"/>, reporting every shape problem (unknown keys,
/// wrong types, bad templates and conditions) with its position; references between parts are the validator's job.
/// </summary>
internal sealed partial class ScriptReader
{
    public const string Format = "huawu-script/1";

    private readonly ScriptErrorSink _errors;
    private ScriptLanguage _language;
    private NodeSettings _defaults = NodeSettings.Default;

    private ScriptReader(ScriptErrorSink errors) => _errors = errors;

    public static ScriptDefinition? Read(YamlMappingNode root, ScriptErrorSink errors) => new ScriptReader(errors).ReadScript(new MapReader(root, errors, null));

    private ScriptDefinition? ReadScript(MapReader top)
    {
        if (top.LocatedText("format") is { } format && format.Text != Format)
        {
            top.Report(ScriptErrorCode.UnsupportedFormat, format.Position, format.Text);
            return null;
        }
        var name = top.Text("name", required: true);
        var version = top.Integer("version", 1, int.MaxValue) ?? 1;
        _language = ReadLanguage(top);
        var description = top.Text("description");
        var disclosure = ReadDisclosure(top);
        var variables = ReadVariables(top);
        var prompts = ReadPrompts(top);
        var asrMinConfidence = ReadDefaults(top);
        var limits = ReadLimits(top);
        var start = top.LocatedText("start", required: true);
        var intents = ReadIntents(top);
        var nodes = ReadNodes(top);
        var globals = ReadGlobals(top);
        var knowledge = ReadKnowledge(top);
        var grading = ReadGrading(top);
        var chatModel = ReadChatModel(top);
        top.Finish();
        if (name is null || start is null) return null;
        return new ScriptDefinition
        {
            Name = name,
            Version = version,
            Language = _language,
            Description = description,
            Disclosure = disclosure,
            Variables = variables,
            Prompts = prompts,
            Limits = limits,
            AsrMinConfidence = asrMinConfidence,
            Start = new NodeRef(start.Text, start.Position),
            Intents = intents,
            Nodes = nodes,
            Globals = globals,
            Knowledge = knowledge,
            Grading = grading,
            ChatModel = chatModel,
        };
    }

    private static ScriptLanguage ReadLanguage(MapReader top)
    {
        var language = top.LocatedText("language", required: true);
        switch (language?.Text)
        {
            case null or "zh" or "zh-CN" or "zh-Hans":
                return ScriptLanguage.Zh;
            case "en" or "en-US" or "en-GB":
                return ScriptLanguage.En;
            default:
                top.Report(ScriptErrorCode.InvalidValue, language.Position, "language", language.Text, "zh, en");
                return ScriptLanguage.Zh;
        }
    }

    private Disclosure ReadDisclosure(MapReader top)
    {
        var defaultText = TextTemplate.TryParse(BuiltInGlobals.Disclosure(_language), SourcePosition.None, out _);
        var node = top.Node("disclosure");
        if (node is null) return new Disclosure(true, defaultText, null);
        if (node is YamlScalarNode)
        {
            return new Disclosure(true, Template(top, top.LocatedText("disclosure")) ?? defaultText, null);
        }
        if (top.Map("disclosure") is not { } map) return new Disclosure(true, defaultText, null);
        var enabled = map.Boolean("enabled") ?? true;
        var text = Template(map, map.LocatedText("text"));
        var reason = map.Text("reason");
        map.Finish();
        if (!enabled && string.IsNullOrWhiteSpace(reason))
        {
            // The disclosure is a legal duty in most places: it never disappears by accident.
            map.Report(ScriptErrorCode.DisclosureWithoutReason, map.Position);
            return new Disclosure(true, text ?? defaultText, null);
        }
        return new Disclosure(enabled, enabled ? text ?? defaultText : null, enabled ? null : reason);
    }

    /// <summary>Parses a text with placeholders; a malformed one is reported where it was written.</summary>
    private static TextTemplate? Template(MapReader where, LocatedText? text)
    {
        if (text is null) return null;
        var template = TextTemplate.TryParse(text.Text, text.Position, out var error);
        if (template is null) where.Report(ScriptErrorCode.BadTemplate, text.Position, error!);
        return template;
    }
}
