namespace Huawu.Speech.Tests.Asr;

/// <summary>Word errors (substitutions, insertions, deletions) between a reference and a hypothesis: Levenshtein over words.</summary>
internal static class WordErrors
{
    public static int Count(string reference, string hypothesis)
    {
        var r = reference.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var h = hypothesis.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var previous = Enumerable.Range(0, h.Length + 1).ToArray();
        var current = new int[h.Length + 1];
        for (var i = 1; i <= r.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= h.Length; j++)
            {
                var substitution = previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[h.Length];
    }
}
