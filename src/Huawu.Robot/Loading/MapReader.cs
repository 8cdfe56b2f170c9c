using System.Globalization;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;
using YamlDotNet.RepresentationModel;

namespace Huawu.Robot.Loading;

/// <summary>
/// Reads one YAML mapping of a script: typed values with their positions, every shape problem reported to the sink
/// (never thrown), and — when <see cref="Finish"/> is called — every key nobody asked for reported as unknown.
/// </summary>
internal sealed class MapReader(YamlMappingNode map, ScriptErrorSink errors, string? nodeId)
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public SourcePosition Position => At(map);

    public static SourcePosition At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar counts as absent.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any } scalar &&
        scalar.Value is null or "" or "~" or "null";

    public bool Has(string key)
    {
        _asked.Add(key);
        return Find(key) is { } node && !IsNull(node);
    }

    public YamlNode? Node(string key)
    {
        _asked.Add(key);
        return Find(key) is { } node && !IsNull(node) ? node : null;
    }

    public MapReader Child(YamlMappingNode child) => new(child, errors, nodeId);

    public string? Text(string key, bool required = false) => LocatedText(key, required)?.Text;

    public LocatedText? LocatedText(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Report(ScriptErrorCode.MissingKey, Position, key);
            return null;
        }
        if (node is YamlScalarNode { Value: { } value }) return new LocatedText(value, At(node));
        Report(ScriptErrorCode.WrongType, At(node), key, "text");
        return null;
    }

    public int? Integer(string key, int min, int max) =>
        Number(key, min, max, wholeNumber: true) is { } value ? (int)value : null;

    public double? Number(string key, double min, double max, bool wholeNumber = false)
    {
        if (LocatedText(key) is not { } text) return null;
        if (!double.TryParse(text.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            (wholeNumber && value != Math.Floor(value)))
        {
            Report(ScriptErrorCode.WrongType, text.Position, key, wholeNumber ? "a whole number" : "a number");
            return null;
        }
        if (value < min || value > max)
        {
            Report(ScriptErrorCode.InvalidValue, text.Position, key, text.Text,
                string.Create(CultureInfo.InvariantCulture, $"{min}–{max}"));
            return null;
        }
        return value;
    }

    public bool? Boolean(string key)
    {
        if (LocatedText(key) is not { } text) return null;
        if (text.Text is "true" or "yes" or "on") return true;
        if (text.Text is "false" or "no" or "off") return false;
        Report(ScriptErrorCode.WrongType, text.Position, key, "true or false");
        return null;
    }

    /// <summary>One text or a list of texts (<c>keywords: 好的</c> and <c>keywords: [好的, 可以]</c> both work).</summary>
    public IReadOnlyList<LocatedText> Texts(string key)
    {
        var node = Node(key);
        if (node is null) return [];
        if (node is YamlScalarNode { Value: { } one }) return [new LocatedText(one, At(node))];
        if (node is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode { Value: not null }))
        {
            return [.. list.Children.Select(c => new LocatedText(((YamlScalarNode)c).Value!, At(c)))];
        }
        Report(ScriptErrorCode.WrongType, At(node), key, "text or a list of texts");
        return [];
    }

    public MapReader? Map(string key, bool required = false)
    {
        var node = Node(key);
        if (node is YamlMappingNode mapping) return Child(mapping);
        if (node is null && required) Report(ScriptErrorCode.MissingKey, Position, key);
        if (node is not null) Report(ScriptErrorCode.WrongType, At(node), key, "a mapping");
        return null;
    }

    public YamlSequenceNode? List(string key)
    {
        var node = Node(key);
        if (node is YamlSequenceNode list) return list;
        if (node is not null) Report(ScriptErrorCode.WrongType, At(node), key, "a list");
        return null;
    }

    /// <summary>The entries of a mapping used as a dictionary (nodes, intents, variables), keys with their positions.</summary>
    public IEnumerable<(string Key, YamlNode Value, SourcePosition Position)> Entries() =>
        map.Children.Select(p => ((p.Key as YamlScalarNode)?.Value ?? "", p.Value, At(p.Key)));

    public void Report(ScriptErrorCode code, SourcePosition at, params string[] arguments) => errors.Add(code, nodeId, at, arguments);

    /// <summary>Reports the keys no reader asked for, naming the ones this place allows.</summary>
    public void Finish()
    {
        var allowed = string.Join(", ", _asked.Order(StringComparer.Ordinal));
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!_asked.Contains(name)) Report(ScriptErrorCode.UnknownKey, At(key), name, allowed);
        }
    }

    private YamlNode? Find(string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key) return v;
        }
        return null;
    }
}
