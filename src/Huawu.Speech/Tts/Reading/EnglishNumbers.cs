using System.Text;

namespace Huawu.Speech.Tts.Reading;

/// <summary>
/// English readings of numbers as words, so every voice says them the same way: digits one by one ("zero" for 0),
/// telephone numbers in their groups, cardinals with "and" before the last two digits (two thousand and
/// twenty-four), the short scale (million, billion…), "point" for decimals and "minus" for negatives.
/// </summary>
internal static class EnglishNumbers
{
    private const int LongestCardinal = 18;

    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Scales = ["", "thousand", "million", "billion", "trillion", "quadrillion"];

    public static string ReadDigits(string value) =>
        string.Join(", ", NumberText.DigitGroups(value, _ => [], out _).Select(ReadDigitRun));

    public static string ReadTelephone(string value)
    {
        var groups = NumberText.DigitGroups(value, NumberText.TelephoneGrouping, out var international);
        var reading = string.Join(", ", groups.Select(ReadDigitRun));
        return international && reading.Length > 0 ? "plus " + reading : reading;
    }

    public static string ReadCardinal(string value)
    {
        if (!NumberText.TryParseDecimal(value, out var negative, out var integer, out var fraction)) return ReadDigits(value);
        integer = integer.TrimStart('0');
        if (integer.Length > LongestCardinal) return ReadDigits(value);
        var builder = new StringBuilder();
        if (negative) builder.Append("minus ");
        builder.Append(integer.Length == 0 ? "zero" : ReadInteger(long.Parse(integer, provider: null)));
        if (fraction.Length > 0) builder.Append(" point ").Append(ReadDigitRun(fraction));
        return builder.ToString();
    }

    private static string ReadInteger(long value)
    {
        var words = new List<string>();
        var scale = 0;
        var lowest = value % 1000;
        for (var rest = value; rest > 0; rest /= 1000, scale++)
        {
            var group = (int)(rest % 1000);
            if (group == 0) continue;
            var reading = ReadGroup(group);
            words.Insert(0, scale == 0 ? reading : reading + " " + Scales[scale]);
        }
        // British and common call-centre usage: "and" joins a final part under a hundred to what precedes it.
        if (value >= 1000 && lowest is > 0 and < 100) words[^1] = "and " + words[^1];
        return string.Join(" ", words);
    }

    private static string ReadGroup(int value)
    {
        var hundreds = value / 100;
        var rest = value % 100;
        var restWords = rest == 0 ? "" : rest < 20 ? Small[rest] : rest % 10 == 0 ? Tens[rest / 10] : $"{Tens[rest / 10]}-{Small[rest % 10]}";
        if (hundreds == 0) return restWords;
        return rest == 0 ? $"{Small[hundreds]} hundred" : $"{Small[hundreds]} hundred and {restWords}";
    }

    private static string ReadDigitRun(string digits) => string.Join(" ", digits.Select(c => Small[c - '0']));
}
