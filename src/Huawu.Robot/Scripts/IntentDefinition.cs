namespace Huawu.Robot.Scripts;

/// <summary>Which call counter a recognized intent adds to (grading reads them).</summary>
internal enum IntentCount
{
    None,
    BusinessQuestion,
    Refusal,
}

/// <summary>A text written somewhere in the script, with where, for errors about it (a bad pattern, a bad condition).</summary>
internal sealed record LocatedText(string Text, SourcePosition Position);

/// <summary>
/// How one intent is recognized: keywords (contained in the normalized utterance, not right after a negation),
/// regular expressions (over the normalized utterance) and example sentences (BM25 similarity over character n-grams).
/// </summary>
internal sealed record IntentDefinition(
    string Name,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<LocatedText> Patterns,
    IReadOnlyList<string> Examples,
    IntentCount Counts,
    SourcePosition Position)
{
    public bool CanMatch => Keywords.Count + Patterns.Count + Examples.Count > 0;
}
