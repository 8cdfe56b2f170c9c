using BenchmarkDotNet.Attributes;
using Huawu.Data.Accounts;
using Huawu.Data.Calls;
using Huawu.Server.Realtime;
using Huawu.Server.Security;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Benchmarks.Server;

/// <summary>
/// The realtime stream's per-event work on a busy node: one CTI event offered to every connected console (each
/// checked against its viewer's reach), and one event turned into a viewer's JSON message (masking included).
/// </summary>
[MemoryDiagnoser]
public class RealtimeFanoutBenchmarks
{
    private RealtimeHub _hub = null!;
    private RealtimeSubscription[] _subscriptions = [];
    private RealtimeEvent _event = null!;
    private PersonalDataView _maskedView = null!;

    /// <summary>Connected consoles: a wallboard-heavy site has a few hundred.</summary>
    [Params(50, 500)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hub = new RealtimeHub(capacityPerSubscriber: 1 << 16);
        // A tenth see everything (admins, auditors), a tenth supervise one of ten teams, the rest are agents.
        _subscriptions = [.. Enumerable.Range(0, Subscribers).Select(i => _hub.Subscribe(Viewer(i)))];
        var created = new CallCreated(new CallId("0123456789abcdef"), DateTimeOffset.UnixEpoch, Huawu.Telephony.Calls.CallDirection.Inbound,
            "sip:+8613812345678@carrier.example", "sip:1001@huawu", "carrier");
        _event = CtiEventPayloads.ToRealtime(created, new EventAudience(AgentUserId: 7, TeamIds: [3]));
        _maskedView = new PersonalDataView(PermissionMatrix.UnmaskedFor([Role.Agent]));
    }

    [Benchmark]
    public void PublishToAll()
    {
        _hub.Publish(_event);
        foreach (var subscription in _subscriptions)
        {
            while (subscription.Reader.TryRead(out _)) { }
        }
    }

    [Benchmark]
    public byte[] MessageForOneViewer() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
    {
        type = _event.Type,
        at = _event.At,
        callId = _event.CallId,
        data = _event.Data(_maskedView),
    });

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }

    private static CallerScope Viewer(int i)
    {
        var caller = new Caller(i, "user" + i, [Role.Agent], CredentialKind.ApiToken, i, null, null);
        var view = PersonalDataView.Masked;
        return (i % 10) switch
        {
            0 => new CallerScope(caller, CallScope.All, true, new HashSet<long>(), view),
            1 => new CallerScope(caller, new CallScope(false, null, [i % 10]), false, new HashSet<long> { i % 10 }, view),
            _ => new CallerScope(caller, new CallScope(false, i, []), false, new HashSet<long>(), view),
        };
    }
}
