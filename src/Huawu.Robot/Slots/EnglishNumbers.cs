using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Huawu.Robot.Slots;

/// <summary>
/// English number words as digits: "twenty five thousand" → 25000, "one hundred and five" → 105,
/// ordinals with a suffix "twenty first" → 21st (for dates). Other words pass through unchanged.
/// </summary>
internal static partial class EnglishNumbers
{
    private static readonly Dictionary<string, int> Small = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30,
    };

    private static readonly Dictionary<string, int> Multipliers = new(StringComparer.Ordinal)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000,
    };

    public static string ReplaceWords(string text)
    {
        // Tokens alternate between runs of letters and runs of anything else; a number continues across a gap of
        // spaces or one hyphen ("twenty-five"), and stops at punctuation or a word that is not a number word.
        var tokens = WordOrOther().Matches(text).Select(m => m.Value).ToList();
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < tokens.Count)
        {
            long total = 0, current = 0;
            var ordinal = false;
            var last = -1;
            for (var k = i; k < tokens.Count && TryAdd(tokens[k], ref total, ref current, ref ordinal, started: last >= 0); k += 2)
            {
                // "and" joins only after hundred, thousand or million ("one hundred and five", not "five and six").
                if (tokens[k] == "and" && !Multipliers.ContainsKey(tokens[last])) break;
                if (tokens[k] != "and") last = k;
                if (ordinal || k + 2 >= tokens.Count || !IsJoiner(tokens[k + 1])) break;
            }
            if (last < 0)
            {
                result.Append(tokens[i++]);
                continue;
            }
            result.Append((total + current).ToString(CultureInfo.InvariantCulture));
            if (ordinal) result.Append("th");
            i = last + 1;
        }
        return result.ToString();
    }

    private static bool IsJoiner(string gap) => gap == "-" || gap.All(c => c == ' ');

    [GeneratedRegex(@"[a-z]+|[^a-z]+")]
    private static partial Regex WordOrOther();

    // Accumulates like a person reads: "two hundred" multiplies, "thousand" closes a group, "and" joins.
    private static bool TryAdd(string word, ref long total, ref long current, ref bool ordinal, bool started)
    {
        if (Small.TryGetValue(word, out var small))
        {
            current += small;
            return true;
        }
        if (Ordinals.TryGetValue(word, out var nth))
        {
            current += nth;
            ordinal = true;
            return true;
        }
        if (started && word == "and") return true;
        if (!started || !Multipliers.TryGetValue(word, out var multiplier)) return false;
        if (multiplier == 100)
        {
            current = Math.Max(current, 1) * 100;
        }
        else
        {
            total += Math.Max(current, 1) * multiplier;
            current = 0;
        }
        return true;
    }
}
