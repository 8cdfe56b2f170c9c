using Huawu.ContactCenter.Acd;
using Huawu.Data.Accounts;
using Huawu.Telephony.Configuration;

namespace Huawu.Server.Configuration;

/// <summary>
/// One entry of <c>queues:</c>, the ACD's queues a robot hands callees to. A member naming an extension under <c>extensions:</c>
/// is that extension; any other member is an agent's user name, rung at the extension <c>huawu user add --extension</c> gave them.
/// </summary>
public sealed class QueueOptions
{
    public const string LongestIdle = "longest-idle", RingAll = "ring-all";

    public string Name { get; set; } = "";

    public List<string> Members { get; set; } = [];

    /// <summary><c>longest-idle</c>: one member at a time, idle longest first; <c>ring-all</c>: every free member at once.</summary>
    public string Strategy { get; set; } = LongestIdle;

    /// <summary>How long one offer rings before the next member is tried.</summary>
    public int RingSeconds { get; set; } = 15;

    /// <summary>How long a caller waits at most (a script's shorter <c>no_answer_seconds</c> wins); then the robot takes the call back.</summary>
    public int MaxWaitSeconds { get; set; } = 60;

    /// <summary>Every problem of <paramref name="queues"/>, each naming its key (<c>queues[1].ring_seconds: …</c>).</summary>
    public static IEnumerable<string> Validate(IReadOnlyList<QueueOptions> queues, IReadOnlyList<ExtensionOptions> extensions)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(extensions);
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < queues.Count; i++)
        {
            var queue = queues[i];
            var key = $"queues[{i}]";
            if (!IsName(queue.Name)) yield return $"{key}.name: 1-64 letters, digits, '_', '-' or '.' (scripts name it: transfer: {{queue: …}})";
            else if (!names.TryAdd(queue.Name, i)) yield return $"{key}.name: '{queue.Name}' is queues[{names[queue.Name]}]'s name too";
            if (queue.Members.Count == 0) yield return $"{key}.members: at least one extension or agent user name";
            for (var m = 0; m < queue.Members.Count; m++)
            {
                var member = queue.Members[m];
                if (!IsExtension(member, extensions) && !Usernames.TryNormalize(member, out _))
                {
                    yield return $"{key}.members[{m}]: '{member}' is neither an extension under extensions: nor a user name";
                }
            }
            if (queue.Strategy is not (LongestIdle or RingAll)) yield return $"{key}.strategy: '{queue.Strategy}' is not {LongestIdle} or {RingAll}";
            if (queue.RingSeconds is < 1 or > 600) yield return $"{key}.ring_seconds: {queue.RingSeconds} is not 1-600";
            if (queue.MaxWaitSeconds is < 1 or > 3600) yield return $"{key}.max_wait_seconds: {queue.MaxWaitSeconds} is not 1-3600";
        }
    }

    /// <summary>The validated entry as the ACD takes it.</summary>
    public QueueDefinition ToDefinition(IReadOnlyList<ExtensionOptions> extensions) => new(
        Name,
        [.. Members.Select(m => IsExtension(m, extensions) ? QueueMember.AtExtension(m) : QueueMember.Agent(m))],
        Strategy == RingAll ? QueueStrategy.RingAll : QueueStrategy.LongestIdle,
        TimeSpan.FromSeconds(RingSeconds),
        TimeSpan.FromSeconds(MaxWaitSeconds));

    private static bool IsExtension(string member, IReadOnlyList<ExtensionOptions> extensions) =>
        extensions.Any(e => string.Equals(e.Number, member, StringComparison.Ordinal));

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 64 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.');
}
