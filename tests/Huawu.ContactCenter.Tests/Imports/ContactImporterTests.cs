using System.Text;
using Huawu.ContactCenter.Imports;
using Huawu.ContactCenter.Phones;
using Huawu.ContactCenter.Tests.Support;
using Huawu.Data;
using Huawu.Data.Contacts;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.ContactCenter.Tests.Imports;

public sealed class ContactImporterTests
{
    private const string MixedCsv = """
        姓名,手机号,欠款,备注
        张伟,138-1234-5678,1200,VIP
        李娜,+86 139 0000 0001,300,
        Bad,n/a,1,
        王芳,010-6552 9988,50,
        张伟（重复）,8613812345678,1,

        "Multi
        line",13900000002,5,"in the list already"
        Local,6552 9988,1,
        Ext,010-65529988 转 123,1,
        Smith,+1 (212) 555-0182,1,
        """;

    [Theory, BothDatabases]
    public async Task Good_rows_import_bad_rows_are_reported_by_line_and_a_rerun_adds_nothing(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        using var files = new TempFiles();
        var path = files.Write("mixed.csv", MixedCsv);
        var list = await test.Store.Contacts.CreateListAsync("overdue", "CN", null);
        Assert.True((await test.Store.Contacts.AddAsync(list.Id, new NewContact("+86 139-0000-0002"))).Succeeded);

        var first = await ImportAsync(test.Store, path, list.Id);

        Assert.Equal((9, 4, 1, 1, 3), (first.Rows, first.Added, first.AlreadyInList, first.DuplicatesInFile, first.Invalid));
        Assert.Equal(
        [
            (4, "phone: not a phone number (不是电话号码)"),
            (6, "same number as line 2 (与第2行号码重复)"),
            (8, "already in the list (名单中已有此号码)"),
            (10, "phone: a landline without its area code (固话缺少区号)"),
            (11, "phone: has an extension, which cannot be dialled (含分机号，无法拨打)"),
        ], first.Problems.OrderBy(p => p.Line).Select(p => (p.Line, p.Reason)));
        var stored = await test.Store.Contacts.PageAsync(list.Id, 0, 100);
        Assert.Equal(["+8613900000002", "+8613812345678", "+8613900000001", "+861065529988", "+12125550182"], stored.Select(c => c.Phone));
        var zhang = stored[1];
        Assert.Equal(("张伟", "VIP"), (zhang.Name, zhang.Notes));
        Assert.Equal(new Dictionary<string, string> { ["欠款"] = "1200" }, zhang.Attributes);

        var again = await ImportAsync(test.Store, path, list.Id);
        Assert.Equal((9, 0, 5, 1, 3), (again.Rows, again.Added, again.AlreadyInList, again.DuplicatesInFile, again.Invalid));
        Assert.Equal(5, (await test.Store.Contacts.PageAsync(list.Id, 0, 100)).Count);
    }

    [Fact]
    public async Task A_GB18030_file_with_semicolons_and_a_stray_quote_reads_its_Chinese_and_reports_the_bad_row()
    {
        await using var test = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        using var files = new TempFiles();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = files.Write("gbk.csv", "姓名;电话\n欧阳建国;13800138000\n坏\"行;13800138001\n李四;0086 138 0013 8002\n", Encoding.GetEncoding("GB18030"));
        var list = await test.Store.Contacts.CreateListAsync("gbk", "CN", null);

        var report = await ImportAsync(test.Store, path, list.Id);

        Assert.Equal((3, 2, 1), (report.Rows, report.Added, report.Invalid));
        Assert.Equal(3, Assert.Single(report.Problems).Line);
        var stored = await test.Store.Contacts.PageAsync(list.Id, 0, 10);
        Assert.Equal([("欧阳建国", "+8613800138000"), ("李四", "+8613800138002")], stored.Select(c => (c.Name!, c.Phone)));
    }

    [Fact]
    public async Task An_xlsx_sheet_with_numbers_as_numbers_dates_and_missing_cells_imports_by_row_number()
    {
        await using var test = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        using var files = new TempFiles();
        var path = files.Path("list.xlsx");
        Workbooks.Write(path,
        [
            ["Name", "Mobile", "Due date", "Plan"],
            ["Ann", 13812345678L, new DateTime(2026, 3, 31), "gold"],
            [null, 8613900000001L, null, "silver"],
            ["No number", null, null, "x"],
            ["Landline", "(021) 6321-1234", null, null],
        ]);
        var list = await test.Store.Contacts.CreateListAsync("xlsx", "CN", null);

        var report = await ImportAsync(test.Store, path, list.Id);

        Assert.Equal((4, 3, 1), (report.Rows, report.Added, report.Invalid));
        Assert.Equal((4, "phone: no phone number (缺少电话号码)"), (report.Problems[0].Line, report.Problems[0].Reason));
        var stored = await test.Store.Contacts.PageAsync(list.Id, 0, 10);
        Assert.Equal(["+8613812345678", "+8613900000001", "+862163211234"], stored.Select(c => c.Phone));
        Assert.Equal(new Dictionary<string, string> { ["Due date"] = "2026-03-31", ["Plan"] = "gold" }, stored[0].Attributes);
        Assert.Null(stored[1].Name);
    }

    [Fact]
    public async Task Columns_map_by_header_or_number_and_a_file_without_a_phone_column_is_refused_before_any_row()
    {
        await using var test = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        using var files = new TempFiles();
        var path = files.Write("mapped.csv", "Customer,Contact no,Amount,Secret\nAnn,(212) 555-0182,12.50,zzz\n");
        var list = await test.Store.Contacts.CreateListAsync("us", "US", null);

        var refused = await ImportOutcomeAsync(test.Store, path, list.Id, PhoneRegions.UnitedStates);
        Assert.False(refused.Succeeded);
        Assert.Contains("no phone column", Assert.Single(refused.Errors), StringComparison.Ordinal);
        var unknown = await ImportOutcomeAsync(test.Store, path, list.Id, PhoneRegions.UnitedStates, "Phone=phone");
        Assert.Contains("the file has no column 'Phone'", unknown.Errors[0], StringComparison.Ordinal);
        Assert.Empty(await test.Store.Contacts.PageAsync(list.Id, 0, 10));

        var mapped = await ImportOutcomeAsync(test.Store, path, list.Id, PhoneRegions.UnitedStates,
            "Contact no=phone", "1=name", "Amount=amount_due", "secret=ignore");
        Assert.Equal(1, mapped.Report!.Added);
        var ann = Assert.Single(await test.Store.Contacts.PageAsync(list.Id, 0, 10));
        Assert.Equal(("+12125550182", "Ann"), (ann.Phone, ann.Name));
        Assert.Equal(new Dictionary<string, string> { ["amount_due"] = "12.50" }, ann.Attributes);
    }

    [Fact]
    public async Task A_large_file_is_written_in_batches_with_progress_as_it_goes()
    {
        await using var test = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        using var files = new TempFiles();
        var text = new StringBuilder("phone\n");
        for (var i = 0; i < 1234; i++) text.Append("139").Append((10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        var path = files.Write("big.csv", text.ToString());
        var list = await test.Store.Contacts.CreateListAsync("big", "CN", null);
        var seen = new List<ImportProgress>();

        using var source = RowSources.Open(path, out _)!;
        var outcome = await new ContactImporter(test.Store.Contacts).ImportAsync(source,
            new ImportRequest(list.Id, PhoneRegions.China) { Progress = new SynchronousProgress(seen.Add) });

        Assert.Equal(1234, outcome.Report!.Added);
        Assert.Equal([500L, 1000L, 1234L], seen.Select(p => p.Rows));
        Assert.All(seen.Take(2), p => Assert.InRange(p.Fraction!.Value, 0.01, 0.99));
        Assert.Equal(1, seen[^1].Fraction);
    }

    private static async Task<ImportReport> ImportAsync(DataStore store, string path, long listId)
    {
        var outcome = await ImportOutcomeAsync(store, path, listId, PhoneRegions.China);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Report!;
    }

    private static async Task<ImportOutcome> ImportOutcomeAsync(DataStore store, string path, long listId, PhoneRegion region, params string[] map)
    {
        using var source = RowSources.Open(path, out var error);
        Assert.True(source is not null, error);
        return await new ContactImporter(store.Contacts).ImportAsync(source, new ImportRequest(listId, region) { Map = map });
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
