namespace Huawu.Robot.Understanding;

/// <summary>
/// The terms BM25 indexes: character 1-, 2- and 3-grams of normalized text (spaces between words included, so
/// alphabetic languages get word-boundary grams such as "e b" and " ba"). Chinese needs no word segmenter this way:
/// the bigram 兴趣 matches whatever words surround it. No padding at the ends of the text: an example contained in
/// a longer utterance keeps all its grams. Each gram is packed into a 64-bit key (length and up to three UTF-16
/// units), so building and querying never allocate strings.
/// </summary>
internal static class CharacterNGrams
{
    public const int MaxLength = 3;

    /// <summary>How many keys <see cref="Write"/> may produce for a text of this length.</summary>
    public static int Capacity(int textLength) => textLength * MaxLength;

    /// <summary>Writes the n-gram keys of <paramref name="normalized"/>; the single space is not a term.</summary>
    public static int Write(ReadOnlySpan<char> normalized, Span<ulong> keys)
    {
        var count = 0;
        for (var start = 0; start < normalized.Length; start++)
        {
            for (var n = 1; n <= MaxLength && start + n <= normalized.Length; n++)
            {
                if (n == 1 && normalized[start] == ' ') continue;
                var key = (ulong)n << 48;
                for (var k = 0; k < n; k++) key |= (ulong)normalized[start + k] << (16 * (2 - k));
                keys[count++] = key;
            }
        }
        return count;
    }
}
