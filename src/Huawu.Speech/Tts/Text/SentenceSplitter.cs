namespace Huawu.Speech.Tts.Text;

/// <summary>
/// Cuts text into sentences so synthesis can stream: the first sentence plays while the next is synthesized.
/// Chinese sentences end at 。！？； (full-width, or ASCII !?; between Chinese characters); English ones at . ! ?
/// followed by a space or the end, except after a title or an initial ("Dr. Li", "J. Smith") and inside numbers
/// ("3.14"). Closing quotes and brackets stay with the sentence they close.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "approx", "dept", "tel",
    };

    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || EndsSentence(text, i))
            {
                var end = i + 1;
                while (end < text.Length && IsTerminatorOrCloser(text[end])) end++;
                Add(sentences, text[start..end]);
                start = end;
                i = end - 1;
            }
        }
        Add(sentences, text[start..]);
        return sentences;
    }

    private static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        if (c is '。' or '！' or '？' or '；') return true;
        if (c is not ('.' or '!' or '?')) return false;
        var next = i + 1;
        while (next < text.Length && IsCloser(text[next])) next++;
        if (next == text.Length) return true;
        var following = text[next];
        // "好的!谢谢": ASCII punctuation in Chinese text ends a sentence without a space after it.
        if (Cjk.IsCjk(following)) return c != '.' || (i > 0 && Cjk.IsCjk(text[i - 1]));
        if (following is '.' or '!' or '?') return false;
        if (!char.IsWhiteSpace(following)) return false;
        return c != '.' || !EndsAbbreviation(text, i);
    }

    private static bool EndsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..dot];
        // A single letter before a dot is an initial ("J. Smith").
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static bool IsTerminatorOrCloser(char c) => c is '。' or '！' or '？' or '；' or '!' or '?' || IsCloser(c);

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '」' or '』' or '）' or '】' or '》';

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0) sentences.Add(trimmed);
    }
}
