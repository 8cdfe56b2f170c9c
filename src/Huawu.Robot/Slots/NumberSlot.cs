using System.Globalization;
using System.Text.RegularExpressions;

namespace Huawu.Robot.Slots;

/// <summary>
/// The first number in an answer: Arabic (50000, 50,000, 3.5), with a Chinese multiplier (5万, 3.5万, 2千), in
/// Chinese numerals (三万五) or English words (twenty five thousand).
/// </summary>
internal static partial class NumberSlot
{
    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(亿|万|千|百|k\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    public static bool TryRead(string folded, out double value)
    {
        var words = EnglishNumbers.ReplaceWords(ChineseNumerals.ReplaceRuns(folded));
        var match = NumberPattern().Match(words);
        value = 0;
        if (!match.Success) return false;
        value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * match.Groups[2].Value switch
        {
            "亿" => 100_000_000,
            "万" => 10_000,
            "千" or "k" => 1_000,
            "百" => 100,
            _ => 1,
        };
        return true;
    }
}
