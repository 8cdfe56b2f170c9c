using Huawu.Robot.Scripts;
using Huawu.Speech.Asr;

namespace Huawu.Robot.Runtime;

/// <summary>
/// What the recognizer should expect at a node, from the script itself: the keywords and example sentences of the
/// node's route intents, of every global intent, and the knowledge base's questions and their phrasings, plus the
/// slot's words at a collect node. The embedded English engine can only recognize phrases it is given, so this is how
/// it understands the script.
/// </summary>
internal static class ScriptVocabulary
{
    private static readonly string[] YesNoWords = ["yes", "yeah", "yep", "sure", "okay", "ok", "of course", "no", "nope", "not really"];

    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "hundred", "thousand"];

    private static readonly string[] DateWords =
        ["today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next week", "next monday", "next friday"];

    /// <summary>The phrases of <paramref name="nodeId"/> in script order, without repeats (case-insensitive).</summary>
    public static IReadOnlyList<string> PhrasesAt(Script script, string nodeId)
    {
        var node = script.Nodes[nodeId];
        var definition = script.Definition;
        var phrases = new List<string>();
        foreach (var intent in node.Routes.Select(r => r.Intent).OfType<string>())
        {
            if (definition.Intents.TryGetValue(intent, out var known)) Add(phrases, known);
        }
        foreach (var global in definition.Globals.Values)
        {
            if (global.Match is { } match) Add(phrases, match);
        }
        foreach (var entry in definition.Knowledge.Entries) phrases.AddRange(entry.Phrasings);
        if (node.Collect is { } slot && script.Language == ScriptLanguage.En) phrases.AddRange(SlotWords(slot.Type));
        return [.. phrases.Where(p => p.Trim().Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The phrases a dictionary-bound recognizer can take: written as it spells them (<see cref="PhraseNormalizer"/>),
    /// each left out when a word of it is not in <paramref name="knowsWord"/> (one unknown word would fail the grammar).
    /// </summary>
    public static IReadOnlyList<string> Speakable(IEnumerable<string> phrases, Func<string, bool>? knowsWord) =>
    [
        .. phrases.Select(PhraseNormalizer.Normalize)
            .Where(p => p.Length > 0 && (knowsWord is null || p.Split(' ').All(knowsWord)))
            .Distinct(StringComparer.Ordinal),
    ];

    private static void Add(List<string> phrases, IntentDefinition intent)
    {
        phrases.AddRange(intent.Keywords);
        phrases.AddRange(intent.Examples);
    }

    private static string[] SlotWords(SlotType type) => type switch
    {
        SlotType.YesNo => YesNoWords,
        SlotType.Number => NumberWords,
        SlotType.Date => DateWords,
        _ => [],
    };
}
