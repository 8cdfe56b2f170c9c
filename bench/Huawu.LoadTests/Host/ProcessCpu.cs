using System.Globalization;

namespace Huawu.LoadTests.Host;

/// <summary>The CPU time a process has used so far, read from <c>/proc/&lt;pid&gt;/stat</c>, with the moment it was read.</summary>
internal readonly record struct CpuSample(long Timestamp, TimeSpan CpuTime)
{
    /// <summary>Cores used on average between <paramref name="earlier"/> and this sample (1.0 = one core busy).</summary>
    public double CoresSince(CpuSample earlier, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var wall = time.GetElapsedTime(earlier.Timestamp, Timestamp);
        return wall <= TimeSpan.Zero ? 0 : (CpuTime - earlier.CpuTime) / wall;
    }
}

/// <summary>Reads a process's CPU time and memory from procfs (proc(5)).</summary>
internal static class ProcessCpu
{
    // proc(5): utime and stime are fields 14 and 15, in clock ticks of USER_HZ, which the kernel ABI fixes at 100
    // for /proc on every mainstream architecture.
    private const int UserTimeField = 14, SystemTimeField = 15, TicksPerSecond = 100;

    /// <summary>The process's user + system CPU time now; false once it has exited.</summary>
    public static bool TrySample(int processId, TimeProvider time, out CpuSample sample)
    {
        ArgumentNullException.ThrowIfNull(time);
        sample = default;
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        // Field 2 (the command) is parenthesised and may hold spaces: count fields from the last ')', which ends field 2.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[UserTimeField - 3], CultureInfo.InvariantCulture) + long.Parse(fields[SystemTimeField - 3], CultureInfo.InvariantCulture);
        sample = new CpuSample(time.GetTimestamp(), TimeSpan.FromSeconds((double)ticks / TicksPerSecond));
        return true;
    }

    /// <summary>Peak resident memory (VmHWM) in MiB and the thread count, from <c>/proc/&lt;pid&gt;/status</c>; null once exited.</summary>
    public static (double PeakResidentMiB, int Threads)? Memory(int processId)
    {
        try
        {
            var lines = File.ReadAllLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status");
            return (Kibibytes(lines, "VmHWM:") / 1024.0, (int)Kibibytes(lines, "Threads:"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Kibibytes(string[] lines, string key)
    {
        var line = lines.First(l => l.StartsWith(key, StringComparison.Ordinal));
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
