using System.Globalization;
using BenchmarkDotNet.Attributes;
using Huawu.Benchmarks.Data;
using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.Data.Storage;

namespace Huawu.Benchmarks.ContactCenter;

/// <summary>
/// Compliance gate decisions end to end: do-not-call and consent lookups, hours in the callee's zone, and the cap check that takes the
/// slot in a write transaction (an advisory lock per number on PostgreSQL). Each decision is for a new number, so every one passes and
/// writes its slot. Decisions per second = <see cref="Decisions"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class GateDecisionBenchmarks
{
    private const int Decisions = 200;
    private BenchmarkStore _store = null!;
    private ComplianceGate _gate = null!;
    private long _next;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = BenchmarkStore.CreateAsync(Provider).GetAwaiter().GetResult();
        // Open at any hour the benchmark runs.
        _store.Store.Settings.SetAsync("compliance.cn.windows", "daily 00:00-24:00").GetAwaiter().GetResult();
        _gate = new ComplianceGate(_store.Store, new ComplianceRuleSource(_store.Store.Settings, TimeProvider.System), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Decisions)]
    public async Task<int> Decide()
    {
        var allowed = 0;
        for (var i = 0; i < Decisions; i++)
        {
            var phone = "+86139" + (10_000_000 + Interlocked.Increment(ref _next) % 90_000_000).ToString(CultureInfo.InvariantCulture);
            var verdict = await _gate.DecideAsync(new GateRequest(phone, CallKind.Robot, CallPurpose.Service, "bench") { CallerId = "+862161234567" });
            if (verdict.Allowed) allowed++;
        }
        return allowed;
    }
}
