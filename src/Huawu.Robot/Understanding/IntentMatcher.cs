using System.Text.RegularExpressions;
using Huawu.Robot.Loading;
using Huawu.Robot.Scripts;
using Huawu.Robot.Validation;

namespace Huawu.Robot.Understanding;

/// <summary>
/// Recognizes a script's intents (its own and the global ones) in normalized utterances: first explicitly (a
/// keyword or pattern, confidence 1; the longest match wins, the node's intents before global ones), then by
/// similarity to the example sentences (BM25, confidence = covered share of the best example, against a threshold).
/// </summary>
internal sealed class IntentMatcher
{
    private readonly string[] _names;
    private readonly string[][] _keywords;
    private readonly Regex[][] _patterns;
    private readonly Bm25Index _examples;

    private IntentMatcher(string[] names, string[][] keywords, Regex[][] patterns, Bm25Index examples)
    {
        _names = names;
        _keywords = keywords;
        _patterns = patterns;
        _examples = examples;
    }

    public int Count => _names.Length;

    public string NameOf(int label) => _names[label];

    public static IntentMatcher Build(IReadOnlyList<IntentDefinition> intents, ScriptErrorSink errors)
    {
        var keywords = intents.Select(i => i.Keywords.Select(TextNormalizer.Normalize).Where(k => k.Length > 0).Distinct().ToArray()).ToArray();
        var patterns = intents.Select(i => i.Patterns.Select(p => Compile(p, errors)).OfType<Regex>().ToArray()).ToArray();
        var examples = intents.SelectMany((intent, label) => intent.Examples.Select(e => (TextNormalizer.Normalize(e), label)))
            .Where(d => d.Item1.Length > 0).ToList();
        return new IntentMatcher([.. intents.Select(i => i.Name)], keywords, patterns, new Bm25Index(examples));
    }

    private static Regex? Compile(LocatedText pattern, ScriptErrorSink errors)
    {
        var regex = PatternCompiler.TryCompile(pattern.Text, out var error);
        if (regex is null) errors.Add(ScriptErrorCode.BadRegex, null, pattern.Position, pattern.Text, error!);
        return regex;
    }

    public int LabelOf(string intent) => Array.IndexOf(_names, intent);

    /// <summary>The candidates of a node: <paramref name="local"/> intents in route order, then <paramref name="global"/> ones.</summary>
    public IntentCandidates Candidates(IEnumerable<string> local, IEnumerable<string> global)
    {
        var localLabels = local.Select(LabelOf).Where(l => l >= 0).Distinct().ToList();
        var ordered = localLabels.Concat(global.Select(LabelOf).Where(l => l >= 0 && !localLabels.Contains(l))).Distinct().ToArray();
        var mask = new bool[Count];
        foreach (var label in ordered) mask[label] = true;
        return new IntentCandidates(ordered, mask);
    }

    /// <summary>A keyword or pattern match among the candidates: the longest wins; on a tie, the earlier candidate.</summary>
    public IntentMatch? MatchExplicit(string normalized, IntentCandidates candidates)
    {
        IntentMatch? best = null;
        var bestLength = 0;
        foreach (var label in candidates.Ordered)
        {
            foreach (var keyword in _keywords[label])
            {
                if (keyword.Length > bestLength && KeywordMatcher.Contains(normalized, keyword))
                {
                    (best, bestLength) = (new IntentMatch(_names[label], 1, MatchSource.Keyword, keyword), keyword.Length);
                }
            }
            foreach (var pattern in _patterns[label])
            {
                if (pattern.Match(normalized) is { Success: true } m && Math.Max(m.Length, 1) > bestLength)
                {
                    (best, bestLength) = (new IntentMatch(_names[label], 1, MatchSource.Pattern, m.Value), Math.Max(m.Length, 1));
                }
            }
        }
        return best;
    }

    /// <summary>The most similar example sentence among the candidates, if its confidence reaches the threshold.</summary>
    public IntentMatch? MatchExamples(string normalized, IntentCandidates candidates, double threshold)
    {
        var hit = _examples.Best(normalized, candidates.Mask);
        return hit.Found && hit.Confidence >= threshold
            ? new IntentMatch(_names[hit.Label], Math.Round(hit.Confidence, 3), MatchSource.Example, $"bm25 {hit.Score:0.00}")
            : null;
    }

    /// <summary>Explicit first, then examples.</summary>
    public IntentMatch? Match(string normalized, IntentCandidates candidates, double threshold) =>
        MatchExplicit(normalized, candidates) ?? MatchExamples(normalized, candidates, threshold);
}
