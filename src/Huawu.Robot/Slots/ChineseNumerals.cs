using System.Globalization;
using System.Text;

namespace Huawu.Robot.Slots;

/// <summary>
/// Chinese numerals as people say them on the phone: 三万五千 and the colloquial 三万五 (35000), 一百零五 (105),
/// 两千五 (2500), 三点五万 (35000), digit strings 一三八 (138). Runs in text are replaced by Arabic digits before
/// numbers and dates are read, except the idioms that merely contain a numeral (一下, 一些, 十分, 万一, 千万).
/// </summary>
internal static class ChineseNumerals
{
    private const string Digits = "零〇一二两三四五六七八九";
    private const string Units = "十百千万亿";

    // Words that start with 一 but count nothing (了解一下, 一起, 一定…).
    private const string AfterIdiomaticOne = "下些样起直定般切共边旦致向律再贯味时会";
    private static readonly string[] IdiomRuns = ["十分", "万一", "千万", "一一"];

    public static bool IsNumeral(char c) => Digits.Contains(c) || Units.Contains(c);

    /// <summary>Replaces every numeral run with its Arabic value (<c>借三万五</c> → <c>借35000</c>).</summary>
    public static string ReplaceRuns(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsNumeral(text[i]))
            {
                result.Append(text[i++]);
                continue;
            }
            var end = i;
            while (end < text.Length && (IsNumeral(text[end]) || (text[end] == '点' && end + 1 < text.Length && IsNumeral(text[end + 1])))) end++;
            var run = text[i..end];
            var next = end < text.Length ? text[end] : '\0';
            if (IsIdiom(text, i, run, next) || !TryParse(run, out var value)) result.Append(run);
            else result.Append(value.ToString("0.##########", CultureInfo.InvariantCulture));
            i = end;
        }
        return result.ToString();
    }

    // A unit alone is no number (the 万 of "3.5万" scales the Arabic number before it), except 十 (十号 is the 10th).
    private static bool IsIdiom(string text, int start, string run, char next) =>
        IdiomRuns.Any(idiom => text.AsSpan(start).StartsWith(idiom, StringComparison.Ordinal)) ||
        (run == "一" && (AfterIdiomaticOne.Contains(next) || next == '点')) ||
        (run.Length == 1 && run != "十" && Units.Contains(run[0]));

    /// <summary>Parses one run of Chinese numerals (digits, units and at most one 点).</summary>
    public static bool TryParse(string run, out double value)
    {
        value = 0;
        if (run.Length == 0) return false;
        var point = run.IndexOf('点', StringComparison.Ordinal);
        if (point < 0) return TryParseInteger(run, out value);
        // 三点五万: the integer part, the decimal digits one by one, then an optional unit that scales both.
        var fraction = run[(point + 1)..];
        var scale = fraction.Length > 0 && fraction[^1] is '万' or '亿' or '千' ? UnitValue(fraction[^1]) : 1;
        if (scale > 1) fraction = fraction[..^1];
        if (!TryParseInteger(run[..point], out var whole) || fraction.Length == 0 || fraction.Any(c => Digits.IndexOf(c) < 0)) return false;
        var decimals = string.Concat(fraction.Select(c => DigitValue(c).ToString(CultureInfo.InvariantCulture)));
        value = (whole + double.Parse("0." + decimals, CultureInfo.InvariantCulture)) * scale;
        return true;
    }

    private static bool TryParseInteger(string run, out double value)
    {
        value = 0;
        if (run.Length == 0) return false;
        if (run.All(c => Digits.Contains(c)))
        {
            // No units: a string of digits, read digit by digit (一三八 → 138).
            foreach (var c in run) value = value * 10 + DigitValue(c);
            return true;
        }
        double total = 0, section = 0, number = 0, lastUnit = 0;
        var previousWasUnit = false;
        var sawZero = false;
        foreach (var c in run)
        {
            if (Digits.Contains(c))
            {
                if (c is '零' or '〇') sawZero = true;
                number = DigitValue(c);
                previousWasUnit = false;
                continue;
            }
            var unit = UnitValue(c);
            if (unit >= 10_000)
            {
                total = (total + section + number) * unit;
                section = 0;
            }
            else
            {
                // 十五: a leading 十 means one ten.
                section += (number == 0 ? 1 : number) * unit;
            }
            number = 0;
            lastUnit = unit;
            previousWasUnit = true;
            sawZero = false;
        }
        // Colloquial: a digit right after a unit counts in the next smaller unit (三万五 = 35000, 一百五 = 150).
        if (number > 0 && !previousWasUnit && !sawZero && lastUnit >= 100 && run.Length >= 2 && Units.Contains(run[^2])) number *= lastUnit / 10;
        value = total + section + number;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '两' => 2,
        _ => "一二三四五六七八九".IndexOf(c) + 1,
    };

    private static double UnitValue(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        _ => 100_000_000,
    };
}
