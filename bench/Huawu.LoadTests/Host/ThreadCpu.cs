using System.Globalization;

namespace Huawu.LoadTests.Host;

/// <summary>
/// A process's CPU time by thread name, from <c>/proc/&lt;pid&gt;/task/*/stat</c> (proc(5): field 2 is the name the
/// runtime gave the thread, at most 15 characters; .NET names its pool threads ".NET TP Worker" and so on), to show where
/// in the node the cores go. Threads of one name are summed; threads that ended between two samples are not counted.
/// </summary>
internal sealed class ThreadCpu
{
    // proc(5): utime and stime are fields 14 and 15, in USER_HZ ticks (100 per second).
    private const int UserTimeField = 14, SystemTimeField = 15, TicksPerSecond = 100;
    private readonly Dictionary<int, (string Name, long Ticks)> _threads;

    private ThreadCpu(Dictionary<int, (string Name, long Ticks)> threads) => _threads = threads;

    public static ThreadCpu Sample(int processId)
    {
        var threads = new Dictionary<int, (string Name, long Ticks)>();
        var tasks = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/task";
        if (!Directory.Exists(tasks)) return new ThreadCpu(threads);
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended
            }
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[UserTimeField - 3], CultureInfo.InvariantCulture) + long.Parse(fields[SystemTimeField - 3], CultureInfo.InvariantCulture);
            threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = (name, ticks);
        }
        return new ThreadCpu(threads);
    }

    /// <summary>The busiest thread names since <paramref name="earlier"/>: "name ×threads cores", most first.</summary>
    public string BusiestSince(ThreadCpu earlier, TimeSpan window, int count = 6)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (window <= TimeSpan.Zero) return "no window";
        var byName = _threads
            .Select(t => (t.Value.Name, Ticks: t.Value.Ticks - (earlier._threads.TryGetValue(t.Key, out var before) ? before.Ticks : 0)))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Threads: g.Count(), Cores: g.Sum(t => t.Ticks) / (double)TicksPerSecond / window.TotalSeconds))
            .OrderByDescending(g => g.Cores)
            .Take(count);
        return string.Join(", ", byName.Select(g => FormattableString.Invariant($"{g.Name} ×{g.Threads} {g.Cores:F2}")));
    }
}
