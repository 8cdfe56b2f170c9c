using System.Globalization;

namespace Huawu.Testing.Peers.SipTester;

/// <summary>
/// The last row of SIPp's statistics CSV (<c>-trace_stat</c>): ';'-separated values under a header row, where
/// "(C)" columns are cumulative over the run and "(P)" ones cover the last period.
/// </summary>
public sealed class SippStatistics
{
    private readonly Dictionary<string, string> _values;

    private SippStatistics(Dictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    public long SuccessfulCalls => Counter("SuccessfulCall(C)");

    public long FailedCalls => Counter("FailedCall(C)");

    public long CallsCreated => Counter("TotalCallCreated");

    public long IncomingCalls => Counter("IncomingCall(C)");

    public long OutgoingCalls => Counter("OutgoingCall(C)");

    public long Retransmissions => Counter("Retransmissions(C)");

    /// <summary>A counter column, e.g. "FailedUnexpectedMessage(C)".</summary>
    public long Counter(string column) =>
        _values.TryGetValue(column, out var value) ? long.Parse(value, CultureInfo.InvariantCulture)
            : throw new KeyNotFoundException($"SIPp statistics have no column '{column}'.");

    /// <summary>Reads the file; null when SIPp wrote no data row (it failed before its first dump).</summary>
    public static SippStatistics? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2) return null;
        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(names.Length, values.Length); i++)
        {
            if (names[i].Length > 0) row[names[i]] = values[i];
        }
        return new SippStatistics(row);
    }

    public override string ToString() =>
        $"created {CallsCreated}, succeeded {SuccessfulCalls}, failed {FailedCalls}, retransmissions {Retransmissions}";
}
