using System.Globalization;

namespace Huawu.LoadTests.Generator;

/// <summary>
/// SIPp's per-call response times (<c>-trace_rtt</c>: "Date_ms;response_time_ms;rtd_no", one row per call, written
/// when the 200 to the INVITE arrives): from INVITE sent to 200 received, in SIPp's whole milliseconds. The arrival
/// times also give the setup rate SIPp actually achieved.
/// </summary>
internal sealed class ResponseTimes
{
    private readonly double[] _arrivals;
    private readonly double[] _sorted;

    private ResponseTimes(double[] arrivals, double[] times)
    {
        _arrivals = arrivals;
        _sorted = [.. times.Order()];
    }

    public int Count => _sorted.Length;

    /// <summary>Reads the <c>*_rtt.csv</c> SIPp wrote in <paramref name="directory"/>; empty when there is none.</summary>
    public static ResponseTimes Read(string directory)
    {
        var file = Directory.GetFiles(directory, "*_rtt.csv").FirstOrDefault();
        var rows = file is null ? [] : File.ReadLines(file).Skip(1).Select(l => l.Split(';')).Where(f => f.Length >= 2)
            .Select(f => (At: double.Parse(f[0], CultureInfo.InvariantCulture), Time: double.Parse(f[1], CultureInfo.InvariantCulture))).ToArray();
        return new ResponseTimes([.. rows.Select(r => r.At).Order()], [.. rows.Select(r => r.Time)]);
    }

    /// <summary>The response time at <paramref name="fraction"/> (0.5 = median), in milliseconds.</summary>
    public double Percentile(double fraction) => _sorted.Length == 0 ? double.NaN : _sorted[(int)Math.Min(_sorted.Length - 1, Math.Floor(fraction * _sorted.Length))];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>Calls answered per second between the first and the last answer.</summary>
    public double AnswerRate => _arrivals.Length < 2 ? 0 : (_arrivals.Length - 1) / ((_arrivals[^1] - _arrivals[0]) / 1000);

    /// <summary>
    /// The fewest answers in any whole second counted from the first answer (the last, partial second left out):
    /// a rate "sustained" only on average shows a slow second here.
    /// </summary>
    public int SlowestSecond()
    {
        if (_arrivals.Length < 2) return 0;
        var first = _arrivals[0];
        var seconds = (int)((_arrivals[^1] - first) / 1000);
        if (seconds < 2) return 0;
        var counts = new int[seconds + 1];
        foreach (var at in _arrivals) counts[(int)((at - first) / 1000)]++;
        return counts[..^1].Min();
    }

    public override string ToString() =>
        Count == 0 ? "no response times" : FormattableString.Invariant($"INVITE→200 p50 {Percentile(0.5):F0} ms, p95 {Percentile(0.95):F0} ms, p99 {Percentile(0.99):F0} ms, max {Max:F0} ms");
}
