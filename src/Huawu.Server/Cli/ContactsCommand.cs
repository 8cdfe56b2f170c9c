using System.CommandLine;
using System.Globalization;
using Huawu.ContactCenter.Imports;
using Huawu.ContactCenter.Phones;
using Huawu.Data;
using Huawu.Data.Audit;
using Spectre.Console;

namespace Huawu.Server.Cli;

/// <summary><c>huawu contacts import FILE --list NAME [--region CN] [--zone ZONE] [--map COLUMN=FIELD…]</c>.</summary>
internal static class ContactsCommand
{
    public static Command Create() => new("contacts", "Manage the contact lists campaigns call.") { Import() };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv (any delimiter; UTF-8 or GB18030) or .xlsx (first sheet) file with a header row." };
        var list = new Option<string>("--list") { Description = "The list to import into; created if it does not exist.", Required = true };
        var region = new Option<string?>("--region")
        {
            Description = $"Where numbers without a country code are ({string.Join(", ", PhoneRegions.All.Select(r => r.Code))}); set when the list is created. Default: the database's country.",
        };
        var zone = new Option<string?>("--zone") { Description = "The IANA time zone of callees whose number does not tell (a new list only), e.g. Asia/Shanghai." };
        var map = new Option<string[]>("--map")
        {
            Description = "COLUMN=FIELD (a header or 1-based number; phone, name, id_number, notes, ignore, or a custom field name). Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var problems = new Option<FileInfo?>("--problems") { Description = "Also write every row not imported to this CSV file (line,reason)." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("import",
            "Import contacts: numbers normalized to E.164, duplicates (in the file or the list) skipped, bad rows reported by line; re-running adds nothing new.")
        {
            file, list, region, zone, map, problems, config, data,
        };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var defaultRegion = PhoneRegions.ForCountryCode(store.Options.Database.DefaultCountryCode) ?? PhoneRegions.China;
            var (target, phoneRegion, error) = await ImportLists.ResolveAsync(store.Contacts, parse.GetValue(list)!, parse.GetValue(region),
                parse.GetValue(zone), defaultRegion, cancellation);
            if (error is not null) return CliErrors.Report([error]);
            using var source = RowSources.Open(path, out var openError);
            if (source is null) return CliErrors.Report([openError!]);
            await using var problemFile = parse.GetValue(problems) is { } problemPath ? new StreamWriter(problemPath.FullName) : null;
            problemFile?.WriteLine("line,reason");
            var request = new ImportRequest(target!.Id, phoneRegion!)
            {
                Map = parse.GetValue(map) ?? [],
                OnProblem = problemFile is null ? null : p => problemFile.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Line},\"{p.Reason.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")),
            };
            var outcome = await RunWithProgressAsync(new ContactImporter(store.Contacts), source, request, Path.GetFileName(path), cancellation);
            if (outcome.Report is not { } report) return CliErrors.Report(outcome.Errors);
            await AuditAsync(store, target.Id, report, cancellation);
            Print(target.Name, phoneRegion!, report);
            return 0;
        }, cancellation));
        return command;
    }

    // A progress bar on a terminal (Spectre.Console); plain output when piped or redirected.
    private static async Task<ImportOutcome> RunWithProgressAsync(ContactImporter importer, IRowSource source, ImportRequest request, string name,
        CancellationToken cancellation)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive) return await importer.ImportAsync(source, request, cancellation);
        return await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: 1);
                task.IsIndeterminate = source.Progress is null;
                var progress = new Progress<ImportProgress>(p =>
                {
                    if (p.Fraction is { } fraction) task.Value = fraction;
                    task.Description = Markup.Escape($"{name}: {p.Rows:N0} rows");
                });
                var outcome = await importer.ImportAsync(source, request with { Progress = progress }, cancellation);
                task.Value = 1;
                task.StopTask();
                return outcome;
            });
    }

    private static Task<AuditEntry> AuditAsync(DataStore store, long listId, ImportReport report, CancellationToken cancellation) =>
        store.Audit.AppendAsync(new AuditEvent(CliActor.Name, AuditAction.Created, TargetType: "contact_list",
            TargetId: listId.ToString(CultureInfo.InvariantCulture),
            Detail: string.Create(CultureInfo.InvariantCulture, $"import: {report.Rows} rows, {report.Added} added, {report.Invalid} invalid")), cancellation);

    private static void Print(string list, PhoneRegion region, ImportReport report)
    {
        foreach (var problem in report.Problems.OrderBy(p => p.Line)) Console.Error.WriteLine($"huawu: line {problem.Line}: {problem.Reason}");
        if (report.ProblemsTruncated) Console.Error.WriteLine($"huawu: (only the first {ImportReport.MaxListedProblems} problems are listed; --problems FILE keeps them all)");
        Console.WriteLine($"list {list} (numbers read as {region.Code}): {report.Rows} rows read");
        Console.WriteLine($"  added: {report.Added}");
        Console.WriteLine($"  already in the list: {report.AlreadyInList}");
        Console.WriteLine($"  duplicates in the file: {report.DuplicatesInFile}");
        Console.WriteLine($"  invalid: {report.Invalid}");
    }
}
