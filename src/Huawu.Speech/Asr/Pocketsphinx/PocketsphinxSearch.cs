using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Huawu.Speech.Asr.Pocketsphinx;

internal enum PocketsphinxSearchKind
{
    /// <summary>A JSGF grammar: only the given phrases can be recognized.</summary>
    Grammar,

    /// <summary>Keyword spotting: each keyphrase is reported as it is heard, anywhere in the audio.</summary>
    Keywords,

    /// <summary>Free speech with the n-gram language model.</summary>
    LanguageModel,
}

/// <summary>
/// What a session asks pocketsphinx to listen for, in pocketsphinx's own terms (a JSGF grammar, a keyword list), built
/// and checked before it reaches native code: every word must be in the dictionary, and the text can hold nothing but
/// dictionary words, so it cannot break the grammar's syntax.
/// </summary>
internal sealed record PocketsphinxSearch(PocketsphinxSearchKind Kind, string Name, string Definition)
{
    public static PocketsphinxSearch? TryCreate(RecognitionOptions options, PocketsphinxModel model, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        if (options.Language is { } language && !language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            error = $"pocketsphinx's model is English; it cannot recognize {language}";
            return null;
        }
        if (options.Grammar.Count > 0) return TryGrammar(options.Grammar, model, out error);
        if (options.HotWords.Count > 0) return TryKeywords(options.HotWords, model, out error);
        if (model.HasLanguageModel)
        {
            error = null;
            return new PocketsphinxSearch(PocketsphinxSearchKind.LanguageModel, PocketsphinxDecoder.LanguageModelSearch, "");
        }
        error = "pocketsphinx needs a grammar or hot words (free speech needs speech.asr.pocketsphinx.language_model, " +
                $"e.g. {Configuration.PocketsphinxAsrOptions.DebianModelDirectory}/en-us.lm.bin)";
        return null;
    }

    private static PocketsphinxSearch? TryGrammar(IReadOnlyList<string> phrases, PocketsphinxModel model, out string? error)
    {
        var alternatives = phrases.Select(PhraseNormalizer.Normalize).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if ((error = CheckWords(alternatives, model, "grammar")) is not null) return null;
        var jsgf = $"#JSGF V1.0;\ngrammar huawu;\npublic <answer> = {string.Join(" | ", alternatives)} ;\n";
        return new PocketsphinxSearch(PocketsphinxSearchKind.Grammar, "g" + Hash(jsgf), jsgf);
    }

    private static PocketsphinxSearch? TryKeywords(IReadOnlyList<string> hotWords, PocketsphinxModel model, out string? error)
    {
        var lines = new List<string>();
        var phrases = new List<string>();
        foreach (var hotWord in hotWords)
        {
            // pocketsphinx's keyword list syntax, "phrase /1e-30/", sets a phrase's own threshold: longer phrases need smaller ones.
            var threshold = model.Options.KeywordThreshold;
            var text = hotWord;
            var open = hotWord.IndexOf('/', StringComparison.Ordinal);
            if (open >= 0)
            {
                var close = hotWord.IndexOf('/', open + 1);
                if (close < 0 || !double.TryParse(hotWord.AsSpan(open + 1, close - open - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out threshold)
                    || !double.IsFinite(threshold) || threshold <= 0 || threshold > 1)
                {
                    error = $"hot word '{hotWord}': a threshold is written /1e-20/ (greater than 0, at most 1)";
                    return null;
                }
                text = hotWord[..open];
            }
            var phrase = PhraseNormalizer.Normalize(text);
            if (phrase.Length == 0) continue;
            phrases.Add(phrase);
            lines.Add($"{phrase} /{threshold.ToString("R", CultureInfo.InvariantCulture)}/");
        }
        if ((error = CheckWords(phrases, model, "hot words")) is not null) return null;
        var definition = string.Join('\n', lines) + "\n";
        return new PocketsphinxSearch(PocketsphinxSearchKind.Keywords, "k" + Hash(definition), definition);
    }

    private static string? CheckWords(List<string> phrases, PocketsphinxModel model, string what)
    {
        if (phrases.Count == 0) return $"{what}: no words";
        var unknown = phrases.SelectMany(p => p.Split(' ')).Where(w => !model.Words.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? null
            : $"{what}: words pocketsphinx's dictionary cannot pronounce: {string.Join(", ", unknown.Take(20))}" +
              (unknown.Count > 20 ? $" and {unknown.Count - 20} more" : "");
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
