using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Tests.Vad;

/// <summary>
/// How detected utterances compare with a <see cref="Reference"/>, on a 10 ms grid. Recall: the share of reference
/// speech inside detected utterances. Precision: the share of detected time that is speech — reference speech with
/// its short pauses bridged (the endpointer bridges them by design), a collar of 0.2 s before and 0.35 s after each
/// stretch (onset and decay tolerances), and the unscored stretches. Onsets: each clean reference onset has a detected
/// start within ±0.2 s.
/// </summary>
internal sealed record SegmentationScore(double Recall, double Precision, IReadOnlyList<string> OnsetMisses)
{
    private const double Step = 0.01;
    private const double BridgedGap = 0.5;
    private const double LeadCollar = 0.2;
    private const double TailCollar = 0.35;
    private const double OnsetTolerance = 0.2;

    public static SegmentationScore Of(Reference reference, IReadOnlyList<SpeechSegment> detected, double seconds)
    {
        var cells = (int)Math.Ceiling(seconds / Step);
        var truth = Mark(cells, reference.Speech);
        var found = Mark(cells, detected.Select(s => (s.Start.TotalSeconds, s.End.TotalSeconds)));
        var acceptable = Mark(cells, Bridge(reference.Speech).Select(r => (r.Start - LeadCollar, r.End + TailCollar)).Concat(reference.Unscored ?? []));
        int speech = 0, recalled = 0, detectedCells = 0, correct = 0;
        for (var i = 0; i < cells; i++)
        {
            if (truth[i]) speech++;
            if (truth[i] && found[i]) recalled++;
            if (found[i]) detectedCells++;
            if (found[i] && acceptable[i]) correct++;
        }
        var misses = reference.Onsets
            .Where(onset => !detected.Any(s => Math.Abs(s.Start.TotalSeconds - onset) <= OnsetTolerance))
            .Select(onset => $"no start within ±{OnsetTolerance} s of {onset} s")
            .ToList();
        return new SegmentationScore(
            speech == 0 ? 1 : (double)recalled / speech,
            detectedCells == 0 ? 1 : (double)correct / detectedCells,
            misses);
    }

    private static IEnumerable<(double Start, double End)> Bridge(IEnumerable<(double Start, double End)> regions)
    {
        (double Start, double End)? open = null;
        foreach (var region in regions.OrderBy(r => r.Start))
        {
            if (open is { } current && region.Start - current.End < BridgedGap)
            {
                open = (current.Start, Math.Max(current.End, region.End));
                continue;
            }
            if (open is { } done) yield return done;
            open = region;
        }
        if (open is { } last) yield return last;
    }

    private static bool[] Mark(int cells, IEnumerable<(double Start, double End)> regions)
    {
        var marks = new bool[cells];
        foreach (var (start, end) in regions)
        {
            for (var i = Math.Max(0, (int)Math.Round(start / Step)); i < Math.Min(cells, (int)Math.Round(end / Step)); i++) marks[i] = true;
        }
        return marks;
    }
}
