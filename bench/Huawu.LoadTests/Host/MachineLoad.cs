using System.Globalization;

namespace Huawu.LoadTests.Host;

/// <summary>
/// How busy the whole machine is: the load averages and the busy share of all cores between two samples of
/// <c>/proc/stat</c>. Load runs share the machine with the generator and whatever else runs, so every figure is
/// reported with these.
/// </summary>
internal readonly record struct MachineSample(long BusyTicks, long TotalTicks)
{
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static MachineSample Now()
    {
        // proc(5): "cpu  user nice system idle iowait irq softirq steal …" in USER_HZ ticks, summed over all cores.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return new MachineSample(total - fields[3] - fields[4], total);
    }

    /// <summary>The share of all cores that was busy since <paramref name="earlier"/>, 0..1.</summary>
    public double BusySince(MachineSample earlier) =>
        TotalTicks == earlier.TotalTicks ? 0 : (double)(BusyTicks - earlier.BusyTicks) / (TotalTicks - earlier.TotalTicks);
}
