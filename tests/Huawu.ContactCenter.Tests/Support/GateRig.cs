using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.Data;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Testing;

namespace Huawu.ContactCenter.Tests.Support;

/// <summary>A compliance gate over a fresh store on fake time, which starts Monday 2026-01-05 09:00 UTC and only moves forward.</summary>
internal sealed class GateRig : IAsyncDisposable
{
    public const string CallerId = "+862161234567";

    private GateRig(TestStore test)
    {
        Test = test;
        Rules = new ComplianceRuleSource(test.Store.Settings, test.Time);
        Gate = new ComplianceGate(test.Store, Rules, test.Time);
    }

    public TestStore Test { get; }

    public DataStore Store => Test.Store;

    public ManualTimeProvider Time => Test.Time;

    public ComplianceRuleSource Rules { get; }

    public ComplianceGate Gate { get; }

    public static async Task<GateRig> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(await TestStore.CreateAsync(provider));

    /// <summary>Moves the clock to a UTC time (forward only).</summary>
    public void At(int year, int month, int day, int hour, int minute = 0) =>
        Time.Advance(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero) - Time.GetUtcNow());

    public async Task SetAsync(string key, string value)
    {
        await Store.Settings.SetAsync(key, value);
        Rules.Invalidate();
    }

    public Task<GateVerdict> DecideAsync(string phone, CallKind kind = CallKind.Robot, CallPurpose purpose = CallPurpose.Service,
        string? callerId = CallerId, string? listZone = null) =>
        Gate.DecideAsync(new GateRequest(phone, kind, purpose, "test") { CallerId = callerId, ListZone = listZone });

    public ValueTask DisposeAsync() => Test.DisposeAsync();
}
