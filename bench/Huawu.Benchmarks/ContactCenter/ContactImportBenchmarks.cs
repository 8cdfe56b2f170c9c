using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Huawu.Benchmarks.Data;
using Huawu.ContactCenter.Imports;
using Huawu.ContactCenter.Phones;
using Huawu.Data.Storage;

namespace Huawu.Benchmarks.ContactCenter;

/// <summary>
/// A CSV import end to end: read (CsvHelper), normalize, de-duplicate, encrypt and blind-index, write in batches of 500. Each iteration
/// imports the same file into a new list. Rows per second = <see cref="Rows"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class ContactImportBenchmarks
{
    private const int Rows = 10_000;
    private BenchmarkStore _store = null!;
    private string _file = "";
    private long _listId;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = BenchmarkStore.CreateAsync(Provider).GetAwaiter().GetResult();
        var csv = new StringBuilder("姓名,手机号,欠款\n");
        for (var i = 0; i < Rows; i++) csv.Append(CultureInfo.InvariantCulture, $"客户{i},138-{1000 + i / 10_000:0000}-{i % 10_000:0000},{i * 7 % 5000}\n");
        _file = Path.Combine(Path.GetTempPath(), $"huawu-bench-import-{Environment.ProcessId}.csv");
        File.WriteAllText(_file, csv.ToString());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_file);
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NewList() => _listId = _store.Store.Contacts.CreateListAsync("bench", "CN", null).GetAwaiter().GetResult().Id;

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<int> ImportCsv()
    {
        using var source = RowSources.Open(_file, out _)!;
        var outcome = await new ContactImporter(_store.Store.Contacts).ImportAsync(source, new ImportRequest(_listId, PhoneRegions.China));
        return outcome.Report!.Added;
    }
}
