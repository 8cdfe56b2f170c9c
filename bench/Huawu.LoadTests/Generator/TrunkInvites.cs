using System.Globalization;

namespace Huawu.LoadTests.Generator;

/// <summary>
/// The INVITE dialogs the SIPp trunk received, from its scenario log (<c>uas_dial_trunk.xml</c>: "clock_ms;attempt;call_id", one line
/// per new dialog, SIPp's millisecond clock): how many per attempt, the dial rate they arrived at and the gaps between them.
/// </summary>
internal sealed class TrunkInvites
{
    private readonly double[] _arrivals;
    private readonly double[] _sortedGaps;

    private TrunkInvites(IReadOnlyList<(double At, string Attempt)> invites)
    {
        _arrivals = [.. invites.Select(i => i.At).Order()];
        _sortedGaps = [.. _arrivals.Zip(_arrivals.Skip(1), (earlier, later) => later - earlier).Order()];
        Count = invites.Count;
        Attempts = invites.Select(i => i.Attempt).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>INVITE dialogs (retransmissions are the same dialog and not counted).</summary>
    public int Count { get; }

    /// <summary>Distinct attempt headers among them: <see cref="Count"/> when no attempt was dialled twice.</summary>
    public int Attempts { get; }

    public static TrunkInvites Read(string directory)
    {
        var file = Path.Combine(directory, SippLoadRun.ScenarioLogFile);
        var invites = !File.Exists(file) ? [] : File.ReadLines(file).Select(l => l.Split(';')).Where(f => f.Length >= 3)
            .Select(f => (At: double.Parse(f[0], CultureInfo.InvariantCulture), Attempt: f[1])).ToList();
        return new TrunkInvites(invites);
    }

    /// <summary>INVITEs per second from the first to the last.</summary>
    public double Rate => _arrivals.Length < 2 ? 0 : (_arrivals.Length - 1) / ((_arrivals[^1] - _arrivals[0]) / 1000);

    /// <summary>
    /// INVITEs per second over the whole seconds after the first (from the first INVITE; the last, partial second left out). The dialer's
    /// per-trunk token bucket starts full and holds one second's calls, so the first second carries a burst that would flatter the average.
    /// </summary>
    public double SustainedRate
    {
        get
        {
            var perSecond = PerSecond();
            return perSecond.Length < 2 ? 0 : perSecond[1..].Average();
        }
    }

    /// <summary>The fewest INVITEs in any whole second after the first.</summary>
    public int SlowestSecond()
    {
        var perSecond = PerSecond();
        return perSecond.Length < 2 ? 0 : perSecond[1..].Min();
    }

    /// <summary>The gap between consecutive INVITEs at <paramref name="fraction"/> (0.5 = median), in milliseconds.</summary>
    public double Gap(double fraction) =>
        _sortedGaps.Length == 0 ? double.NaN : _sortedGaps[(int)Math.Min(_sortedGaps.Length - 1, Math.Floor(fraction * _sortedGaps.Length))];

    public double LongestGap => _sortedGaps.Length == 0 ? double.NaN : _sortedGaps[^1];

    public override string ToString() => Count == 0
        ? "no INVITEs"
        : FormattableString.Invariant(
            $"{Count} INVITEs for {Attempts} attempts; {Rate:F1}/s first to last, {SustainedRate:F1}/s after the first second (slowest second {SlowestSecond()}); gaps p50 {Gap(0.5):F0} ms, p99 {Gap(0.99):F0} ms, max {LongestGap:F0} ms");

    // Counts per whole second from the first INVITE, the last (partial) second left out.
    private int[] PerSecond()
    {
        if (_arrivals.Length < 2) return [];
        var first = _arrivals[0];
        var seconds = (int)((_arrivals[^1] - first) / 1000);
        var counts = new int[seconds + 1];
        foreach (var at in _arrivals) counts[(int)((at - first) / 1000)]++;
        return counts[..^1];
    }
}
