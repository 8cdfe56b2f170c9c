using System.Buffers;
using System.Text;

namespace Huawu.Robot.Understanding;

/// <summary>
/// Brings what a recognizer heard and what a script author wrote to one spelling before they are compared:
/// full-width forms to half-width (ＡＢＣ１２３ → abc123), lower case, apostrophes dropped (don't → dont),
/// punctuation and symbols (，。？！ and ,.?!) to spaces, runs of spaces to one, no spaces at the ends.
/// </summary>
internal static class TextNormalizer
{
    private const int StackLimit = 512;

    /// <summary>Writes the normalized form of <paramref name="source"/>; <paramref name="destination"/> needs its length.</summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in source)
        {
            var c = FoldWidth(raw);
            if (c is '\'' or '’' or '‘') continue;
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) destination[length++] = ' ';
            pendingSpace = false;
            destination[length++] = char.ToLowerInvariant(c);
        }
        return length;
    }

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            return new string(buffer[..Normalize(text, buffer)]);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The lighter form slots read: full-width folded and lower case, punctuation kept (dates need 2026-03-05 and
    /// 3/5), thousands separators between digits dropped (50,000 → 50000).
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(FoldWidth(text[i]));
            if (c == ',' && IsThousandsSeparator(text, i)) continue;
            folded.Append(c);
        }
        return folded.ToString();
    }

    // A comma with a digit before it and exactly three digits after it (50,000 but not 1,2,3 or 5,0000).
    private static bool IsThousandsSeparator(string text, int comma) =>
        comma > 0 && IsDigit(text[comma - 1]) &&
        Enumerable.Range(comma + 1, 3).All(i => i < text.Length && IsDigit(text[i])) &&
        (comma + 4 >= text.Length || !IsDigit(text[comma + 4]));

    private static bool IsDigit(char c) => char.IsAsciiDigit(FoldWidth(c));

    // Unicode full-width forms U+FF01–U+FF5E mirror ASCII 0x21–0x7E at an offset of 0xFEE0; U+3000 is the ideographic space.
    private static char FoldWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };
}
