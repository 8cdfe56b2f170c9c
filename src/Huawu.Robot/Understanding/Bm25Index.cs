using System.Buffers;

namespace Huawu.Robot.Understanding;

/// <summary>The best document for a query: its index, its label, its BM25 score and how much of it the query covers.</summary>
internal readonly record struct Bm25Hit(int Document, int Label, float Score, float Confidence)
{
    public static Bm25Hit None => new(-1, -1, 0, 0);

    public bool Found => Document >= 0;
}

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75) over <see cref="CharacterNGrams"/> of short documents (example sentences,
/// knowledge-base questions), each with a label (its intent or entry). Query terms count once each, so the score
/// is a sum of per-posting weights precomputed at build time. Confidence is the score divided by the document's
/// score against itself: the weighted share of the example that the utterance contains, from 0 to 1.
/// Immutable after construction and safe to query from many calls at once; queries allocate nothing.
/// </summary>
internal sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const int StackKeys = 256;

    private readonly Dictionary<ulong, int> _terms = [];
    private readonly int[] _postingStart;
    private readonly int[] _postingDocument;
    private readonly float[] _postingWeight;
    private readonly float[] _selfScore;
    private readonly int[] _labels;

    /// <param name="documents">Normalized texts (<see cref="TextNormalizer"/>) with their labels.</param>
    public Bm25Index(IReadOnlyList<(string Text, int Label)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _labels = [.. documents.Select(d => d.Label)];
        var termCounts = documents.Select(d => CountTerms(d.Text)).ToList();
        var lengths = termCounts.Select(c => c.Values.Sum()).ToArray();
        var averageLength = lengths.Length == 0 ? 1f : Math.Max(1f, (float)lengths.Average());
        var postings = new List<List<(int Document, int Frequency)>>();
        for (var d = 0; d < termCounts.Count; d++)
        {
            foreach (var (key, frequency) in termCounts[d])
            {
                if (!_terms.TryGetValue(key, out var term))
                {
                    _terms[key] = term = postings.Count;
                    postings.Add([]);
                }
                postings[term].Add((d, frequency));
            }
        }
        _postingStart = new int[postings.Count + 1];
        _postingDocument = new int[postings.Sum(p => p.Count)];
        _postingWeight = new float[_postingDocument.Length];
        _selfScore = new float[documents.Count];
        var next = 0;
        for (var term = 0; term < postings.Count; term++)
        {
            _postingStart[term] = next;
            var documentFrequency = postings[term].Count;
            // The BM25 idf with +1 inside the logarithm (as Lucene): never negative, even for terms in most documents.
            var idf = (float)Math.Log(1 + (documents.Count - documentFrequency + 0.5) / (documentFrequency + 0.5));
            foreach (var (document, frequency) in postings[term])
            {
                var norm = K1 * (1 - B + B * lengths[document] / averageLength);
                var weight = idf * frequency * (K1 + 1) / (frequency + norm);
                _postingDocument[next] = document;
                _postingWeight[next++] = weight;
                _selfScore[document] += weight;
            }
        }
        _postingStart[postings.Count] = next;
    }

    public int DocumentCount => _labels.Length;

    /// <summary>The best-scoring document whose label is allowed (<paramref name="allowedLabels"/> empty: all are).</summary>
    public Bm25Hit Best(ReadOnlySpan<char> normalizedQuery, ReadOnlySpan<bool> allowedLabels = default)
    {
        if (DocumentCount == 0 || normalizedQuery.IsEmpty) return Bm25Hit.None;
        var capacity = CharacterNGrams.Capacity(normalizedQuery.Length);
        ulong[]? rentedKeys = null;
        var keys = capacity <= StackKeys ? stackalloc ulong[StackKeys] : (rentedKeys = ArrayPool<ulong>.Shared.Rent(capacity));
        var scores = ArrayPool<float>.Shared.Rent(DocumentCount);
        try
        {
            var count = CharacterNGrams.Write(normalizedQuery, keys);
            var unique = keys[..count];
            unique.Sort();
            Array.Clear(scores, 0, DocumentCount);
            for (var i = 0; i < unique.Length; i++)
            {
                if (i > 0 && unique[i] == unique[i - 1]) continue;
                if (!_terms.TryGetValue(unique[i], out var term)) continue;
                for (var p = _postingStart[term]; p < _postingStart[term + 1]; p++) scores[_postingDocument[p]] += _postingWeight[p];
            }
            return Pick(scores, allowedLabels);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            if (rentedKeys is not null) ArrayPool<ulong>.Shared.Return(rentedKeys);
        }
    }

    private Bm25Hit Pick(float[] scores, ReadOnlySpan<bool> allowedLabels)
    {
        var best = -1;
        for (var d = 0; d < DocumentCount; d++)
        {
            if (scores[d] <= 0 || (!allowedLabels.IsEmpty && !allowedLabels[_labels[d]])) continue;
            if (best < 0 || scores[d] > scores[best]) best = d;
        }
        return best < 0
            ? Bm25Hit.None
            : new Bm25Hit(best, _labels[best], scores[best], Math.Min(1f, scores[best] / _selfScore[best]));
    }

    private static Dictionary<ulong, int> CountTerms(string normalized)
    {
        var keys = new ulong[CharacterNGrams.Capacity(normalized.Length)];
        var counts = new Dictionary<ulong, int>();
        foreach (var key in keys.AsSpan(0, CharacterNGrams.Write(normalized, keys))) counts[key] = counts.GetValueOrDefault(key) + 1;
        return counts;
    }
}
