using System.CommandLine;
using Huawu.Data.Retention;

namespace Huawu.Server.Cli;

/// <summary><c>huawu retention show|set|clear|purge</c>: how long each class of records is kept.</summary>
internal static class RetentionCommand
{
    private static readonly string ClassNames = string.Join(", ", Enum.GetValues<RetentionClass>().Select(RetentionClasses.NameOf));

    public static Command Create() => new("retention", "Manage how long records are kept.") { Show(), Set(), Clear(), Purge() };

    private static Command Show() => WithStore("show", "Show the retention policies.", [], async (store, _, cancellation) =>
    {
        var policies = await store.RetentionPolicies.ListAsync(cancellation);
        foreach (var dataClass in Enum.GetValues<RetentionClass>())
        {
            var policy = policies.FirstOrDefault(p => p.DataClass == dataClass);
            Console.WriteLine($"{RetentionClasses.NameOf(dataClass)}: {(policy is null ? "kept until erased" : $"{policy.RetainDays} days")}");
        }
        return 0;
    });

    private static Command Set()
    {
        var dataClass = new Argument<string>("class") { Description = ClassNames };
        var days = new Argument<int>("days") { Description = "Days to keep (at least 1)." };
        return WithStore("set", "Keep a class of records for a number of days.", [dataClass, days], async (store, parse, cancellation) =>
        {
            if (!RetentionClasses.TryParse(parse.GetValue(dataClass), out var parsed)) return CliErrors.Report([$"class: one of {ClassNames}"]);
            var set = await store.RetentionPolicies.SetAsync(parsed, parse.GetValue(days), cancellation);
            if (!set.Succeeded) return CliErrors.Report([set.Detail!]);
            Console.WriteLine($"{RetentionClasses.NameOf(parsed)}: {set.Value!.RetainDays} days");
            return 0;
        });
    }

    private static Command Clear()
    {
        var dataClass = new Argument<string>("class") { Description = ClassNames };
        return WithStore("clear", "Keep a class of records until erased.", [dataClass], async (store, parse, cancellation) =>
        {
            if (!RetentionClasses.TryParse(parse.GetValue(dataClass), out var parsed)) return CliErrors.Report([$"class: one of {ClassNames}"]);
            await store.RetentionPolicies.ClearAsync(parsed, cancellation);
            Console.WriteLine($"{RetentionClasses.NameOf(parsed)}: kept until erased");
            return 0;
        });
    }

    private static Command Purge() => WithStore("purge", "Remove now what the policies say is too old (the server also does this hourly).", [],
        async (store, _, cancellation) =>
        {
            await using var service = new RetentionPurgeService(store);
            Console.WriteLine("purged: " + await service.RunOnceAsync(cancellation));
            return 0;
        });

    private static Command WithStore(string name, string description, Argument[] arguments,
        Func<Huawu.Data.DataStore, ParseResult, CancellationToken, Task<int>> action)
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command(name, description) { config, data };
        foreach (var argument in arguments) command.Arguments.Add(argument);
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, (_, store) => action(store, parse, cancellation), cancellation));
        return command;
    }
}
