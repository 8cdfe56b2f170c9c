using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Huawu.LoadTests.Node;

/// <summary>
/// The node's own view of the run, counted from its log as the lines arrive: calls offered, answered and ended (by
/// cause and side), INVITEs refused, and warnings or errors with the first few messages. Thread-safe.
/// </summary>
internal sealed partial class NodeLog
{
    private const int KeptMessages = 5;
    private readonly ConcurrentDictionary<string, int> _endings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private int _offered, _answered, _ended, _warnings, _errors, _problemMessagePending, _transcriptsStored;

    public int Offered => Volatile.Read(ref _offered);

    public int Answered => Volatile.Read(ref _answered);

    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Calls whose parrot conversation (transcript and measured turns) the node has stored.</summary>
    public int TranscriptsStored => Volatile.Read(ref _transcriptsStored);

    public int Warnings => Volatile.Read(ref _warnings);

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Ended calls by "cause by side", e.g. "NormalClearing by Remote".</summary>
    public IReadOnlyDictionary<string, int> Endings => _endings;

    /// <summary>INVITEs answered with an error before a call existed, by status.</summary>
    public IReadOnlyDictionary<string, int> Refusals => _refusals;

    /// <summary>The first warning and error messages.</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>Counts one line of the node's console log (the simple formatter: "level: category[id]", then the message).</summary>
    public void Observe(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith("warn:", StringComparison.Ordinal)) Problem(ref _warnings);
        else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)) Problem(ref _errors);
        else if (Interlocked.Exchange(ref _problemMessagePending, 0) == 1 && _problems.Count < KeptMessages) _problems.Enqueue(line.Trim());

        if (TranscriptStoredLine().IsMatch(line)) Interlocked.Increment(ref _transcriptsStored);
        if (!line.StartsWith("      Call ", StringComparison.Ordinal) && !line.StartsWith("      INVITE ", StringComparison.Ordinal)) return;
        if (line.Contains(": INVITE from ", StringComparison.Ordinal)) Interlocked.Increment(ref _offered);
        else if (AnsweredLine().IsMatch(line)) Interlocked.Increment(ref _answered);
        else if (EndedLine().Match(line) is { Success: true } ended)
        {
            _endings.AddOrUpdate(ended.Groups[1].Value, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _ended);
        }
        else if (RefusedLine().Match(line) is { Success: true } refused) _refusals.AddOrUpdate(refused.Groups[1].Value, 1, (_, n) => n + 1);
    }

    public string DescribeEndings() => Describe(_endings);

    public string DescribeRefusals() => Describe(_refusals);

    private void Problem(ref int counter)
    {
        Interlocked.Increment(ref counter);
        Volatile.Write(ref _problemMessagePending, 1);
    }

    private static string Describe(ConcurrentDictionary<string, int> counts) =>
        counts.IsEmpty ? "none" : string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value} {c.Key}"));

    // CallLeg.Lifecycle: "Call {CallId} answered ({Codec})" and "Call {CallId} ended: {Cause} by {Side} (SIP …)".
    [GeneratedRegex(@"^      Call \S+ answered \(")]
    private static partial Regex AnsweredLine();

    [GeneratedRegex(@"^      Call \S+ ended: (\S+ by \S+)")]
    private static partial Regex EndedLine();

    // ParrotDiagnostic: "parrot: call {CallId}: {n} transcript segments, {m} turns measured stored".
    [GeneratedRegex(@"^      parrot: call \S+: .* stored$")]
    private static partial Regex TranscriptStoredLine();

    // InboundRequests: "INVITE from {Source} answered {Status}: {Reason}".
    [GeneratedRegex(@"^      INVITE from \S+ answered (\d+)")]
    private static partial Regex RefusedLine();
}
