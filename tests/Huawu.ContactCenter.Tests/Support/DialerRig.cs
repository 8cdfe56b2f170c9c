using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Dialing;
using Huawu.Data;
using Huawu.Data.Contacts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Testing;

namespace Huawu.ContactCenter.Tests.Support;

/// <summary>
/// A dialer over a fresh store, the real compliance gate and a scripted trunk, all on fake time (Monday 2026-01-05 09:00 UTC, 17:00 in
/// Beijing). Tests move the clock in ticks and wait in real time for the dialer's work on the database.
/// </summary>
internal sealed class DialerRig : IAsyncDisposable, ICampaignObserver
{
    public const string Node = "node-a";
    public const string Trunk = "carrier";

    private Dialer? _dialer;

    private DialerRig(TestStore test)
    {
        Test = test;
        Calls = new FakeCallControl(test.Time);
        Campaigns = new CampaignService(test.Store, [Trunk], test.Time);
        Gate = new ComplianceGate(test.Store, new ComplianceRuleSource(test.Store.Settings, test.Time), test.Time);
    }

    public TestStore Test { get; }

    public DataStore Store => Test.Store;

    public ManualTimeProvider Time => Test.Time;

    public FakeCallControl Calls { get; }

    public CampaignService Campaigns { get; }

    public ComplianceGate Gate { get; }

    public Dialer Dialer => _dialer ?? throw new InvalidOperationException("not started");

    public List<CampaignEvent> Events { get; } = [];

    public static async Task<DialerRig> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) => new(await TestStore.CreateAsync(provider));

    public static CampaignSettings Settings(int maxConcurrent = 10, double callsPerSecond = 50, string windows = "daily 00:00-24:00") => new()
    {
        Trunks = [Trunk],
        CallerIds = ["+862161234567"],
        Schedule = new CampaignSchedule { Windows = windows, TimeZone = "Asia/Shanghai" },
        Limits = new CampaignLimits { MaxConcurrent = maxConcurrent, CallsPerSecondPerTrunk = callsPerSecond, RingTimeoutSeconds = 20 },
        Retries = new RetryRules { Busy = new RetryRule(60, 2), NoAnswer = new RetryRule(120, 3), Failed = new RetryRule(30, 2) },
    };

    /// <summary>A list of <paramref name="phones"/> and a draft campaign calling it.</summary>
    public async Task<long> CampaignAsync(IEnumerable<string> phones, CampaignSettings? settings = null, string name = "renewals", long? scriptVersionId = null)
    {
        var list = await Store.Contacts.CreateListAsync(name + " list", "CN", null);
        foreach (var phone in phones) Assert.True((await Store.Contacts.AddAsync(list.Id, new NewContact(phone))).Succeeded, phone);
        var created = await Campaigns.CreateAsync(new CampaignDefinition(name, [list.Id], settings ?? Settings()) { ScriptVersionId = scriptVersionId });
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        return created.Campaign!.Id;
    }

    public async Task StartDialerAsync(IAnsweredCallHandler? handler = null)
    {
        _dialer = new Dialer(Store, Calls, Gate, handler ?? new PromptPlaybackHandler(), new DialerOptions { NodeId = Node }, Time, observer: this);
        await _dialer.StartAsync();
    }

    /// <summary>Moves the clock <paramref name="step"/> at a time until <paramref name="done"/> holds (at most <paramref name="maxSteps"/>).</summary>
    public async Task RunUntilAsync(Func<Task<bool>> done, TimeSpan step, int maxSteps, string what)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await done()) return;
            Time.Advance(step);
            await Task.Delay(20);
        }
        Assert.True(await done(), $"not reached after {maxSteps} steps of {step}: {what}");
    }

    /// <summary>Lets the dialer work for a while of fake time.</summary>
    public async Task RunForAsync(TimeSpan span, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += step)
        {
            Time.Advance(step);
            await Task.Delay(20);
        }
    }

    public void OnEvent(CampaignEvent campaignEvent)
    {
        lock (Events) Events.Add(campaignEvent);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dialer is not null) await _dialer.DisposeAsync();
        await Test.DisposeAsync();
    }
}
