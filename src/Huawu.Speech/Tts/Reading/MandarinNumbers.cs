using System.Text;

namespace Huawu.Speech.Tts.Reading;

/// <summary>
/// Mandarin readings of numbers, in characters a Mandarin voice speaks as written. Telephone numbers say 1 as 幺
/// (yāo), as Chinese callers and operators do so that 1 and 7 cannot be confused; cardinals follow the 两/二 rule
/// (两 before 百, 千, 万 and 亿; 二 in the tens and units and before 点) and the 零 rule (one 零 for any run of
/// zeros inside the number, none at its end).
/// </summary>
internal static class MandarinNumbers
{
    private const string Digits = "零一二三四五六七八九";
    private const int LongestCardinal = 16;
    private static readonly string[] GroupUnits = ["", "万", "亿", "万亿"];

    public static string ReadDigits(string value) =>
        Join(NumberText.DigitGroups(value, _ => [], out _), ReadDigitRun);

    public static string ReadTelephone(string value)
    {
        var groups = NumberText.DigitGroups(value, NumberText.TelephoneGrouping, out var international);
        var reading = Join(groups, group => ReadDigitRun(group).Replace('一', '幺'));
        return international && reading.Length > 0 ? "加" + reading : reading;
    }

    public static string ReadCardinal(string value)
    {
        if (!NumberText.TryParseDecimal(value, out var negative, out var integer, out var fraction)) return ReadDigits(value);
        integer = integer.TrimStart('0');
        if (integer.Length > LongestCardinal) return ReadDigits(value);
        var builder = new StringBuilder();
        if (negative) builder.Append('负');
        builder.Append(integer.Length == 0 ? "零" : ReadInteger(integer));
        if (fraction.Length > 0) builder.Append('点').Append(ReadDigitRun(fraction));
        return builder.ToString();
    }

    private static string ReadInteger(string digits)
    {
        var builder = new StringBuilder();
        var groupCount = (digits.Length + 3) / 4;
        var zeroPending = false;
        for (var group = groupCount - 1; group >= 0; group--)
        {
            var end = digits.Length - (group * 4);
            var value = int.Parse(digits.AsSpan(Math.Max(0, end - 4), Math.Min(4, end)), provider: null);
            if (value == 0)
            {
                zeroPending = builder.Length > 0;
                continue;
            }
            // One 零 stands for the zeros between this group's first digit and what came before (一万零一, 一亿零一百).
            if (builder.Length > 0 && (zeroPending || value < 1000)) builder.Append('零');
            ReadGroup(builder, value, leading: builder.Length == 0, hasUnit: group > 0);
            builder.Append(GroupUnits[group]);
            zeroPending = false;
        }
        return builder.ToString();
    }

    /// <summary>Reads 1–9999 within a number: 千, 百, 十 and units, with 零 for inner zeros.</summary>
    private static void ReadGroup(StringBuilder builder, int value, bool leading, bool hasUnit)
    {
        ReadOnlySpan<int> places = [1000, 100, 10, 1];
        ReadOnlySpan<char> placeNames = ['千', '百', '十', '\0'];
        var started = false;
        var zero = false;
        for (var i = 0; i < places.Length; i++)
        {
            var digit = value / places[i] % 10;
            if (digit == 0)
            {
                zero |= started;
                continue;
            }
            if (zero) builder.Append('零');
            zero = false;
            var place = placeNames[i];
            // 十 alone opens a number from 10 to 19 (十五, 十万), but 一十 inside one (一百一十).
            var bareTen = place == '十' && digit == 1 && !started && leading;
            if (!bareTen) builder.Append(DigitFor(digit, place, lone: value == 2 && hasUnit));
            if (place != '\0') builder.Append(place);
            started = true;
        }
    }

    private static char DigitFor(int digit, char place, bool lone) =>
        digit == 2 && (place is '千' or '百' || lone) ? '两' : Digits[digit];

    private static string ReadDigitRun(string digits)
    {
        var builder = new StringBuilder(digits.Length);
        foreach (var c in digits) builder.Append(Digits[c - '0']);
        return builder.ToString();
    }

    private static string Join(List<string> groups, Func<string, string> read) =>
        string.Join("，", groups.Select(read));
}
