using System.Globalization;
using System.Text;
using Huawu.Robot.Expressions;

namespace Huawu.Robot.Scripts;

/// <summary>
/// A line the robot says, with <c>{name}</c> placeholders filled from the call's variables and slots at the moment
/// it is spoken; <c>{{</c> and <c>}}</c> stand for literal braces. Immutable and shared by every call.
/// </summary>
internal sealed class TextTemplate
{
    private readonly (string Literal, string? Name)[] _parts;

    private TextTemplate(string source, (string, string?)[] parts, SourcePosition position)
    {
        Source = source;
        _parts = parts;
        Position = position;
    }

    public string Source { get; }

    public SourcePosition Position { get; }

    /// <summary>The placeholder names, in order of appearance.</summary>
    public IEnumerable<string> Names => _parts.Where(p => p.Name is not null).Select(p => p.Name!);

    public bool IsEmpty => Source.Length == 0;

    /// <summary>Parses a template; a lone or unclosed brace is an error (with its offset), never a silent literal.</summary>
    public static TextTemplate? TryParse(string source, SourcePosition position, out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<(string, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if ((c == '{' || c == '}') && i + 1 < source.Length && source[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = source.IndexOf('}', i + 1);
                var name = end < 0 ? "" : source[(i + 1)..end].Trim();
                if (end < 0 || name.Length == 0 || !name.All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
                {
                    error = $"placeholder at offset {i} is not '{{name}}' (use '{{{{' for a literal brace)";
                    return null;
                }
                parts.Add((literal.ToString(), name));
                literal.Clear();
                i = end;
            }
            else if (c == '}')
            {
                error = $"'}}' at offset {i} closes nothing (use '}}}}' for a literal brace)";
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), null));
        error = null;
        return new TextTemplate(source, [.. parts], position);
    }

    public string Render(Func<string, ScriptValue> lookup, ScriptLanguage language)
    {
        var text = new StringBuilder();
        foreach (var (literal, name) in _parts)
        {
            text.Append(literal);
            if (name is not null) text.Append(Spoken(lookup(name), language));
        }
        return text.ToString();
    }

    // Dates are said the way people say them, not as ISO text.
    private static string Spoken(ScriptValue value, ScriptLanguage language)
    {
        if (value.Kind != ScriptValueKind.Date) return value.ToString();
        var date = DateOnly.ParseExact(value.Text!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return language == ScriptLanguage.Zh
            ? $"{date.Month}月{date.Day}日{ChineseWeekdays[(int)date.DayOfWeek]}"
            : date.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
    }

    private static readonly string[] ChineseWeekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
}
