using System.Globalization;
using System.Text.RegularExpressions;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// dumpcap's own account of a capture, from the line it prints when it stops: packets the kernel handed it and
/// packets dropped on the way (by the kernel's capture buffer, dumpcap itself or the interface). A capture that
/// dropped anything cannot prove "no loss" and is reported as inconclusive.
/// </summary>
internal sealed partial record DumpcapCounters(long Received, long Dropped, string Line)
{
    /// <summary>Finds the counters line in dumpcap's output; null when it printed none (killed, or never started).</summary>
    public static DumpcapCounters? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var match = CountersLine().Matches(output).LastOrDefault();
        return match is null ? null : new DumpcapCounters(
            long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            match.Value);
    }

    // e.g. "Packets received/dropped on interface 'Loopback: lo': 200158/0 (pcap:0/dumpcap:0/flushed:0/ps_ifdrop:0) (100.0%)"
    [GeneratedRegex(@"Packets received/dropped on interface '[^']*': (\d+)/(\d+) \([^)]*\)")]
    private static partial Regex CountersLine();
}
