using System.Data.Common;
using Huawu.Robot.Runtime;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Microsoft.Extensions.Logging;

namespace Huawu.ContactCenter.Acd;

/// <summary>
/// The node's ACD, first slice: the configured queues, and routing a waiting caller to one of a queue's members. A member is
/// available when its extension has a phone registered and is on no call (<see cref="AgentActivity"/>, from the CTI stream)
/// and is not being offered another call; the caller hears ringback while members are offered the call
/// (<see cref="QueueStrategy"/>), and the answering member's call is returned for the hand-off to bridge.
/// </summary>
public sealed partial class AutomaticCallDistributor : IHandOffQueues, IDisposable
{
    /// <summary>How often a caller's wait looks again for a free member when none is (presence has no change events yet).</summary>
    internal static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, QueueDefinition> _queues;
    private readonly ICallControl _control;
    private readonly IPhonePresence _phones;
    private readonly IAgentDirectory _agents;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AgentActivity _activity;
    private readonly HashSet<string> _offering = new(StringComparer.Ordinal);
    private readonly CtiSubscription? _subscription;

    /// <summary>Starts watching <paramref name="control"/>'s events for who is on a call.</summary>
    public AutomaticCallDistributor(IEnumerable<QueueDefinition> queues, ICallControl control, IPhonePresence phones, IAgentDirectory agents,
        TimeProvider time, ILogger logger)
        : this(queues, control, phones, agents, time, logger, new AgentActivity(time.GetUtcNow(), id => control.FindCall(id) is not null))
    {
        _subscription = control.Events.Subscribe();
        _ = WatchAsync(_subscription);
    }

    /// <summary>For tests: <paramref name="activity"/> is fed by the test rather than by the event stream.</summary>
    internal AutomaticCallDistributor(IEnumerable<QueueDefinition> queues, ICallControl control, IPhonePresence phones, IAgentDirectory agents,
        TimeProvider time, ILogger logger, AgentActivity activity)
    {
        ArgumentNullException.ThrowIfNull(queues);
        _queues = queues.ToDictionary(q => q.Name, StringComparer.OrdinalIgnoreCase);
        _control = control;
        _phones = phones;
        _agents = agents;
        _time = time;
        _logger = logger;
        _activity = activity;
    }

    /// <summary>The queues' names, as configured.</summary>
    public IReadOnlyCollection<string> QueueNames => _queues.Keys;

    public bool Contains(string queue) => _queues.ContainsKey(queue);

    public void Dispose() => _subscription?.Dispose();

    private async Task WatchAsync(CtiSubscription subscription)
    {
        await foreach (var happened in subscription.Reader.ReadAllAsync()) _activity.Observe(happened);
    }

    /// <summary>The members' extensions now, in the configured order: agents are looked up at each pass, so a changed extension counts at once.</summary>
    private async Task<List<string>> ExtensionsOfAsync(QueueDefinition queue, CancellationToken cancellation)
    {
        var extensions = new List<string>(queue.Members.Count);
        foreach (var member in queue.Members)
        {
            if (member.Extension is { } extension)
            {
                extensions.Add(extension);
                continue;
            }
            try
            {
                if (await _agents.ExtensionOfAsync(member.UserName!, cancellation) is { } found) extensions.Add(found);
            }
            catch (DbException e)
            {
                // One member unknown for one pass; the others are still offered the call.
                _logger.LogWarning(e, "Queue {Queue}: cannot look up the extension of agent {Agent}", queue.Name, member.UserName);
            }
        }
        return extensions;
    }

    private bool IsFree(string extension)
    {
        lock (_offering) return !_offering.Contains(extension) && _phones.IsRegistered(extension) && !_activity.IsOnCall(extension);
    }

    /// <summary>Takes the extensions still free for an offer; each is released by <see cref="Release"/>.</summary>
    private List<string> Engage(IEnumerable<string> extensions)
    {
        lock (_offering) return [.. extensions.Where(_offering.Add)];
    }

    private void Release(string extension)
    {
        lock (_offering) _offering.Remove(extension);
    }
}
