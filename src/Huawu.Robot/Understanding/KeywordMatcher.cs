namespace Huawu.Robot.Understanding;

/// <summary>
/// Finds a keyword in normalized text the way a person would read it: alphabetic keywords only as whole words
/// ("busy" is not in "business"), and never right after a negation (感兴趣 is not in 不感兴趣 or 不太感兴趣,
/// "interested" is not in "not interested"), so a refusal is not mistaken for its opposite.
/// </summary>
internal static class KeywordMatcher
{
    private static readonly string[] EnglishNegations = ["not", "no", "dont", "doesnt", "didnt", "isnt", "arent", "cant", "cannot", "wont", "never"];

    public static bool Contains(string normalizedText, string normalizedKeyword)
    {
        if (normalizedKeyword.Length == 0) return false;
        for (var at = normalizedText.IndexOf(normalizedKeyword, StringComparison.Ordinal); at >= 0;
             at = normalizedText.IndexOf(normalizedKeyword, at + 1, StringComparison.Ordinal))
        {
            if (IsWholeWord(normalizedText, at, normalizedKeyword.Length) && !IsNegated(normalizedText, at)) return true;
        }
        return false;
    }

    private static bool IsWholeWord(string text, int start, int length)
    {
        var end = start + length;
        var startsWord = !IsWordChar(text[start]) || start == 0 || !IsWordChar(text[start - 1]);
        var endsWord = !IsWordChar(text[end - 1]) || end == text.Length || !IsWordChar(text[end]);
        return startsWord && endsWord;
    }

    // Letters and digits of alphabetic scripts form words; each Chinese character stands alone.
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (char.IsLetter(c) && c < '\u2E80');

    private static bool IsNegated(string text, int start)
    {
        // Chinese: 不/没/未 within the two characters before (不感兴趣, 不太感兴趣, 没有兴趣, 不想了解); 别 only right
        // before and not as the end of a word (别打了 negates, 特别感兴趣 does not).
        for (var back = 1; back <= 2 && start - back >= 0; back++)
        {
            if (text[start - back] is '不' or '没' or '未') return true;
        }
        if (start >= 1 && text[start - 1] == '别' && (start < 2 || text[start - 2] is not ('特' or '区' or '分' or '类' or '级' or '告' or '个')))
        {
            return true;
        }
        // English: a negation among the two words before ("not interested", "not really interested").
        var words = text[..start].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.TakeLast(2).Any(w => EnglishNegations.Contains(w, StringComparer.Ordinal));
    }
}
