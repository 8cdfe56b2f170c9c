using System.CommandLine;
using Huawu.Data.Erasure;

namespace Huawu.Server.Cli;

/// <summary><c>huawu erase --phone NUMBER</c>: removes or anonymizes everything about one person.</summary>
internal static class EraseCommand
{
    public static Command Create()
    {
        var phone = new Option<string>("--phone") { Description = "The person's phone number, in any common spelling.", Required = true };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("erase",
            "Erase one person's personal data (contacts, recordings, transcripts; calls kept without the number). " +
            "Leaves a do-not-call entry and an audit entry.") { phone, config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            var erased = await new PersonalDataEraser(store).EraseByPhoneAsync(parse.GetValue(phone)!, CliActor.Name, cancellation);
            if (erased.Value is not { } report) return CliErrors.Report([$"--phone: {erased.Detail}"]);
            Console.WriteLine("erased:");
            foreach (var (what, count) in report.Lines()) Console.WriteLine($"  {what}: {count}");
            Console.WriteLine(report.AddedToDoNotCall ? "  added to the do-not-call list" : "  already on the do-not-call list");
            Console.WriteLine($"  audit entry {report.AuditSequence}");
            return 0;
        }, cancellation));
        return command;
    }
}
