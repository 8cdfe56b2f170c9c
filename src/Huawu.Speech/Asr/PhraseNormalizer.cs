using System.Text;

namespace Huawu.Speech.Asr;

/// <summary>
/// Turns an English phrase as people write it ("Press 1, or say 'yes'!") into the words a recognizer's dictionary
/// spells ("press one or say yes"): lower case, numbers spelled out, punctuation dropped, hyphens split. Grammars,
/// keyword lists and accuracy checks all compare in this form.
/// </summary>
public static class PhraseNormalizer
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The phrase's words; empty when it has none.</summary>
    public static IReadOnlyList<string> ToWords(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = new List<string>();
        var token = new StringBuilder();
        foreach (var c in phrase)
        {
            if (char.IsLetterOrDigit(c) || (c is '\'' or '’' && token.Length > 0))
            {
                token.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
            }
            else
            {
                Flush(token, words);
            }
        }
        Flush(token, words);
        return words;
    }

    /// <summary>The phrase's words joined by single spaces.</summary>
    public static string Normalize(string phrase) => string.Join(' ', ToWords(phrase));

    /// <summary>A number up to 999,999 in words ("one hundred twenty three").</summary>
    public static string NumberToWords(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999_999);
        var parts = new List<string>();
        if (number >= 1000)
        {
            parts.Add(Below1000(number / 1000));
            parts.Add("thousand");
            number %= 1000;
            if (number == 0) return string.Join(' ', parts);
        }
        parts.Add(Below1000(number));
        return string.Join(' ', parts);
    }

    private static string Below1000(long number)
    {
        if (number < 100) return Below100((int)number);
        var hundreds = $"{Ones[number / 100]} hundred";
        return number % 100 == 0 ? hundreds : $"{hundreds} {Below100((int)(number % 100))}";
    }

    private static string Below100(int number) =>
        number < 20 ? Ones[number] : number % 10 == 0 ? Tens[number / 10] : $"{Tens[number / 10]} {Ones[number % 10]}";

    private static void Flush(StringBuilder token, List<string> words)
    {
        if (token.Length == 0) return;
        var text = token.ToString().TrimEnd('\'');
        token.Clear();
        // Digits and letters mixed ("2nd", "mp3") stay a token of their own; a number is spoken as words, except one
        // with a leading zero (a phone number, an extension) which people read digit by digit.
        if (text.All(char.IsAsciiDigit))
        {
            words.AddRange((text.Length > 1 && text[0] == '0') || text.Length > 6
                ? text.Select(d => Ones[d - '0'])
                : NumberToWords(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)).Split(' '));
        }
        else if (text.Length > 0)
        {
            words.Add(text);
        }
    }
}
