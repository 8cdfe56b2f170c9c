using System.CommandLine;
using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Imports;
using Huawu.ContactCenter.Phones;

namespace Huawu.Server.Cli;

/// <summary><c>huawu compliance show</c> (the rules in force) and <c>huawu dnc import FILE --registry NAME</c> (a do-not-call registry file).</summary>
internal static class ComplianceCommand
{
    public static Command Create() => new("compliance", "The calling rules every outbound call is checked against.") { Show() };

    public static Command CreateDoNotCall() => new("dnc", "The do-not-call list.") { Import() };

    private static Command Show()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("show", "Show the rules in force: each preset with this tenant's changes (settings compliance.*).") { config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            var (book, problems) = await ComplianceSettings.LoadAsync(store.Settings, cancellation);
            Console.WriteLine($"compliance.default_preset: {book.DefaultPreset}");
            Console.WriteLine($"compliance.default_zone: {book.DefaultZone.Id}");
            foreach (var rules in book.Presets.Values.OrderBy(r => r.Preset, StringComparer.Ordinal))
            {
                foreach (var (key, value) in ComplianceSettings.Describe(rules)) Console.WriteLine($"{key}: {value}");
            }
            Console.WriteLine($"holiday calendars: {string.Join(", ", book.Calendars.Keys.Order(StringComparer.Ordinal))}");
            foreach (var problem in problems) Console.Error.WriteLine($"huawu: ignored setting {problem}");
            return 0;
        }, cancellation));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "One number per line, or the US registry's AREA,NUMBER columns; a header line is skipped." };
        var registry = new Option<string>("--registry") { Description = "The registry's name, kept as each entry's source (e.g. us-national-2026-01).", Required = true };
        var region = new Option<string>("--region") { Description = "Where numbers without a country code are.", DefaultValueFactory = _ => "CN" };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("import", "Add a do-not-call registry file to the do-not-call list (kept as blind indexes only).") { file, registry, region, config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            if (!PhoneRegions.TryFind(parse.GetValue(region), out var phoneRegion))
                return CliErrors.Report([$"--region: one of {string.Join(", ", PhoneRegions.All.Select(r => r.Code))}"]);
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path)) return CliErrors.Report([$"{path}: no such file"]);
            var report = await new DoNotCallImporter(store.DoNotCall).ImportAsync(path, parse.GetValue(registry)!, phoneRegion, null, cancellation);
            foreach (var problem in report.Problems) Console.Error.WriteLine($"huawu: line {problem.Line}: {problem.Reason}");
            Console.WriteLine($"{report.Lines} lines: {report.Added} added, {report.AlreadyListed} already listed, {report.Invalid} invalid");
            return 0;
        }, cancellation));
        return command;
    }
}
