using System.Collections.Concurrent;
using Huawu.ContactCenter.Acd;
using Huawu.Robot.Runtime;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Huawu.ContactCenter.Tests.Acd;

/// <summary>
/// The ACD on fake time over <see cref="RingingPhones"/>: registrations and calls are set by the test, the clock moves only when
/// the test advances it, and the test waits (in real time, bounded) for the routing to catch up between moves.
/// </summary>
internal sealed class AcdRig : IPhonePresence, IAgentDirectory
{
    public static readonly DateTimeOffset WatchingSince = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, bool> _registered = new();

    public AcdRig(QueueDefinition queue, params string[] registered)
    {
        Phones = new RingingPhones(Time);
        foreach (var extension in registered) _registered[extension] = true;
        Acd = new AutomaticCallDistributor([queue], Phones, this, this, Time, NullLogger.Instance, Activity);
    }

    public ManualTimeProvider Time { get; } = new();

    public RingingPhones Phones { get; }

    public AgentActivity Activity { get; } = new(WatchingSince);

    public AutomaticCallDistributor Acd { get; }

    public QueueParty Caller { get; private set; } = null!;

    /// <summary>Extensions whose screens were told of the call, in order, before their phones rang.</summary>
    public ConcurrentQueue<(string Extension, bool WasRinging)> Popped { get; } = new();

    public Dictionary<string, string> Agents { get; } = [];

    public static QueueDefinition Queue(QueueStrategy strategy = QueueStrategy.LongestIdle, int ringSeconds = 15, int maxWaitSeconds = 60,
        params string[] members) =>
        new("sales", [.. members.Select(m => char.IsAsciiDigit(m[0]) ? QueueMember.AtExtension(m) : QueueMember.Agent(m))], strategy,
            TimeSpan.FromSeconds(ringSeconds), TimeSpan.FromSeconds(maxWaitSeconds));

    public Task<QueueHandOffResult> ConnectAsync(int maxWaitSeconds = 60)
    {
        Caller = new QueueParty("+8613800138000", "robot", Time);
        return Acd.ConnectAsync(new QueueHandOff(Caller, "sales", TimeSpan.FromSeconds(maxWaitSeconds), "+8613800138000", (extension, _) =>
        {
            Popped.Enqueue((extension, Phones.IsRinging(extension)));
            return Task.CompletedTask;
        }), CancellationToken.None);
    }

    public bool IsRegistered(string extension) => _registered.GetValueOrDefault(extension);

    public Task<string?> ExtensionOfAsync(string userName, CancellationToken cancellation) => Task.FromResult(Agents.GetValueOrDefault(userName));

    /// <summary>The extension talked on a call that ended <paramref name="endedAgo"/> before the test's start.</summary>
    public void Talked(string extension, TimeSpan endedAgo)
    {
        var id = CallId.New();
        Activity.Observe(new CallCreated(id, Time.GetUtcNow() - endedAgo - TimeSpan.FromMinutes(1), CallDirection.Outbound, "caller", extension, null));
        Activity.Observe(new CallHungUp(id, Time.GetUtcNow() - endedAgo, HangupCause.NormalClearing, HangupSide.Remote, null, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(1)));
    }

    /// <summary>The extension's phone starts a call of its own (inbound, no trunk); the returned id ends it.</summary>
    public CallId Busy(string extension)
    {
        var id = CallId.New();
        Activity.Observe(new CallCreated(id, Time.GetUtcNow(), CallDirection.Inbound, extension, "13800000000", null));
        return id;
    }

    public void Hangs(CallId id) =>
        Activity.Observe(new CallHungUp(id, Time.GetUtcNow(), HangupCause.NormalClearing, HangupSide.Remote, null, TimeSpan.Zero, TimeSpan.FromSeconds(30)));

    /// <summary>Waits until the ACD has placed <paramref name="count"/> offers in all.</summary>
    public Task OffersAsync(int count) => UntilAsync(() => Phones.Offers.Count >= count, $"{count} offers; placed: {string.Join(", ", Phones.Offers.Select(o => o.Extension))}");

    public void Advance(int seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Still not true after 10 s: " + what);
            await Task.Delay(5);
        }
    }
}
