using System.Diagnostics.CodeAnalysis;

namespace Huawu.Speech.Tts.Prompts;

/// <summary>
/// A script line with variables, "您好{customer_name}先生": fixed text (played from recordings where there are
/// some) and <c>{name}</c> slots filled per call and spoken by TTS. <c>{{</c> and <c>}}</c> stand for braces.
/// </summary>
public sealed class PromptTemplate
{
    private PromptTemplate(IReadOnlyList<(bool IsVariable, string Value)> parts) => Parts = parts;

    /// <summary>In order: fixed text (IsVariable false) or a variable's name.</summary>
    public IReadOnlyList<(bool IsVariable, string Value)> Parts { get; }

    public IEnumerable<string> Variables => Parts.Where(p => p.IsVariable).Select(p => p.Value);

    public static bool TryParse(string template, [NotNullWhen(true)] out PromptTemplate? parsed, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(template);
        parsed = null;
        var parts = new List<(bool, string)>();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '{' or '}' && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                error = $"'}}' at character {i} closes no variable (write }}}} for a brace)";
                return false;
            }
            if (c != '{')
            {
                text.Append(c);
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            var name = end < 0 ? "" : template[(i + 1)..end].Trim();
            if (end < 0 || name.Length == 0 || name.Contains('{', StringComparison.Ordinal))
            {
                error = $"'{{' at character {i} opens no variable: write {{name}} (or {{{{ for a brace)";
                return false;
            }
            if (text.Length > 0) parts.Add((false, text.ToString()));
            text.Clear();
            parts.Add((true, name));
            i = end;
        }
        if (text.Length > 0) parts.Add((false, text.ToString()));
        parsed = new PromptTemplate(parts);
        error = null;
        return true;
    }
}
