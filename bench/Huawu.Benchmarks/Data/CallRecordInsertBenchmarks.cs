using BenchmarkDotNet.Attributes;
using Huawu.Data.Calls;
using Huawu.Data.Storage;

namespace Huawu.Benchmarks.Data;

/// <summary>
/// Bulk insert of call records (customer number encrypted and blind-indexed, as in production), batched.
/// Records per second = <see cref="Records"/> / mean time. Target: ≥ 20k records/s on SQLite.
/// </summary>
[MemoryDiagnoser]
public class CallRecordInsertBenchmarks
{
    private BenchmarkStore _store = null!;
    private List<NewCallRecord> _batch = [];
    private int _round;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [Params(10_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => _store = BenchmarkStore.CreateAsync(Provider).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Fresh call ids each time: a known id would be skipped, not inserted.
    [IterationSetup]
    public void NewBatch()
    {
        var round = ++_round;
        var start = DateTimeOffset.UtcNow;
        _batch = [.. Enumerable.Range(0, Records).Select(i => new NewCallRecord($"bench-{round}-{i}", CallDirection.Outbound, start.AddSeconds(i))
        {
            CustomerPhone = "138" + (i % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
            LocalNumber = "+862012345678",
            Trunk = "carrier",
            AnsweredAt = start.AddSeconds(i + 5),
            EndedAt = start.AddSeconds(i + 65),
            HangupCause = "NormalClearing",
            HangupSide = CallSide.Remote,
            RingDuration = TimeSpan.FromSeconds(5),
            TalkDuration = TimeSpan.FromSeconds(60),
            DispositionCode = "answered",
        })];
    }

    [Benchmark]
    public Task<int> InsertMany() => _store.Store.Calls.InsertManyAsync(_batch);
}
