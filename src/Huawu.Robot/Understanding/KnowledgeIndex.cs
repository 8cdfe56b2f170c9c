using Huawu.Robot.Scripts;

namespace Huawu.Robot.Understanding;

/// <summary>A knowledge entry found for an utterance, with the phrasing it matched best and how well.</summary>
internal sealed record KnowledgeHit(KnowledgeEntry Entry, double Confidence, string Phrasing);

/// <summary>
/// The script's knowledge base indexed for BM25: every question and similar phrasing is a document labelled with
/// its entry. Also ranks entries for the chat model, which sees only the few closest ones.
/// </summary>
internal sealed class KnowledgeIndex
{
    private readonly IReadOnlyList<KnowledgeEntry> _entries;
    private readonly List<(string Text, int Label)> _documents;
    private readonly Bm25Index _index;

    public KnowledgeIndex(IReadOnlyList<KnowledgeEntry> entries)
    {
        _entries = entries;
        _documents = [.. entries.SelectMany((entry, label) => entry.Phrasings.Select(p => (TextNormalizer.Normalize(p), label)))
            .Where(d => d.Item1.Length > 0)];
        _index = new Bm25Index(_documents);
    }

    /// <summary>The best entry if its confidence reaches <paramref name="threshold"/>.</summary>
    public KnowledgeHit? Find(string normalized, double threshold)
    {
        var hit = _index.Best(normalized);
        return hit.Found && hit.Confidence >= threshold
            ? new KnowledgeHit(_entries[hit.Label], Math.Round(hit.Confidence, 3), _documents[hit.Document].Text)
            : null;
    }

    /// <summary>
    /// Up to <paramref name="count"/> entries most similar to the utterance, best first (each entry once), to ground a
    /// chat model's answer; without enough similar ones, the first entries of the script fill the list.
    /// </summary>
    public IReadOnlyList<KnowledgeEntry> Closest(string normalized, int count)
    {
        var chosen = new List<KnowledgeEntry>();
        var allowed = Enumerable.Repeat(true, _entries.Count).ToArray();
        while (chosen.Count < count && _index.Best(normalized, allowed) is { Found: true } hit)
        {
            chosen.Add(_entries[hit.Label]);
            allowed[hit.Label] = false;
        }
        chosen.AddRange(_entries.Where((_, label) => allowed[label]).Take(count - chosen.Count));
        return chosen;
    }
}
