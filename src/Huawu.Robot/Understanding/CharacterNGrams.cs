namespace Huawu.Robot.Understanding;

/// <summary>
/// The terms BM25 indexes: character 1-, 2- and 3-grams of normalized text, padded with a space at each end so
/// words of alphabetic languages get boundary grams (" he", "lo "). Chinese needs no word segmenter this way: the
/// bigram 兴趣 matches whatever words surround it. Each gram is packed into a 64-bit key (length and up to three
/// UTF-16 units), so building and querying never allocate strings.
/// </summary>
internal static class CharacterNGrams
{
    public const int MaxLength = 3;

    /// <summary>How many keys <see cref="Write"/> may produce for a text of this length.</summary>
    public static int Capacity(int textLength) => (textLength + 2) * MaxLength;

    /// <summary>Writes the n-gram keys of <paramref name="normalized"/>; grams made only of the padding space are skipped.</summary>
    public static int Write(ReadOnlySpan<char> normalized, Span<ulong> keys)
    {
        if (normalized.IsEmpty) return 0;
        var count = 0;
        var padded = normalized.Length + 2;
        for (var start = 0; start < padded; start++)
        {
            for (var n = 1; n <= MaxLength && start + n <= padded; n++)
            {
                ulong key = (ulong)n << 48;
                var allSpace = true;
                for (var k = 0; k < n; k++)
                {
                    var c = At(normalized, start + k);
                    allSpace &= c == ' ';
                    key |= (ulong)c << (16 * (2 - k));
                }
                if (!allSpace) keys[count++] = key;
            }
        }
        return count;
    }

    private static char At(ReadOnlySpan<char> text, int paddedIndex) =>
        paddedIndex == 0 || paddedIndex == text.Length + 1 ? ' ' : text[paddedIndex - 1];
}
