using System.Text.Json;
using System.Text.RegularExpressions;
using Huawu.Robot.Understanding;

namespace Huawu.Robot.ChatModel;

/// <summary>
/// The guardrails on a chat model's reply: it must be the JSON asked for; an intent must be one offered; an answer
/// must cite offered knowledge entries, contain no number they do not contain, and be made mostly of their words
/// (character bigram precision); anything else, or doubt, becomes a fallback and the script answers by itself.
/// </summary>
internal static partial class ModelReplyCheck
{
    private const int MaxAnswerLength = 300;
    private const double MinGrounding = 0.6;

    public static ModelVerdict Check(string reply, ModelQuestion question)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(StripFence(reply));
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ModelVerdict.Fallback("the reply is not JSON");
        }
        if (root.ValueKind != JsonValueKind.Object) return ModelVerdict.Fallback("the reply is not a JSON object");
        var confidence = root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? Math.Clamp(c.GetDouble(), 0, 1) : 0;
        return Text(root, "kind") switch
        {
            "intent" => CheckIntent(Text(root, "intent"), confidence, question),
            "answer" => CheckAnswer(Text(root, "answer"), Sources(root), confidence, question),
            _ => ModelVerdict.Fallback("the model declined"),
        };
    }

    private static ModelVerdict CheckIntent(string? intent, double confidence, ModelQuestion question) =>
        intent is not null && question.Intents.Any(i => i.Name == intent)
            ? new ModelVerdict(ModelVerdictKind.Intent, intent, null, [], confidence, null)
            : ModelVerdict.Fallback($"intent '{intent}' was not offered");

    private static ModelVerdict CheckAnswer(string? answer, List<string> sources, double confidence, ModelQuestion question)
    {
        if (string.IsNullOrWhiteSpace(answer) || answer.Length > MaxAnswerLength) return ModelVerdict.Fallback("empty or overlong answer");
        var cited = question.Knowledge.Where(k => sources.Contains(k.Id)).ToList();
        if (sources.Count == 0 || cited.Count != sources.Distinct().Count()) return ModelVerdict.Fallback("the answer cites no offered knowledge entry");
        var facts = string.Join("\n", cited.Select(k => k.Answer));
        var invented = Numbers().Matches(answer).Select(m => m.Value).Where(n => !Numbers().Matches(facts).Any(f => f.Value == n)).ToList();
        if (invented.Count > 0) return ModelVerdict.Fallback($"the answer has numbers the knowledge base does not: {string.Join(", ", invented)}");
        if (Grounding(answer, facts) < MinGrounding) return ModelVerdict.Fallback("the answer is not grounded in the knowledge base");
        return new ModelVerdict(ModelVerdictKind.Answer, null, answer.Trim(), sources, confidence, null);
    }

    /// <summary>The share of the answer's character bigrams that occur in the cited answers (normalized text).</summary>
    internal static double Grounding(string answer, string facts)
    {
        static HashSet<string> Bigrams(string text)
        {
            var normalized = TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
            return [.. Enumerable.Range(0, Math.Max(0, normalized.Length - 1)).Select(i => normalized.Substring(i, 2))];
        }
        var said = Bigrams(answer);
        var known = Bigrams(facts);
        return said.Count == 0 ? 0 : said.Count(known.Contains) / (double)said.Count;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Sources(JsonElement root) =>
        root.TryGetProperty("sources", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    // Some models wrap JSON in a Markdown code fence despite being asked not to.
    private static string StripFence(string reply)
    {
        var text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal)) return text;
        var start = text.IndexOf('\n', StringComparison.Ordinal);
        var end = text.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? text[(start + 1)..end] : text;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Numbers();
}
