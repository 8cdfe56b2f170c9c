using System.CommandLine;

namespace Huawu.Server.Cli;

/// <summary><c>huawu audit verify</c>: walks the audit chain; exits non-zero naming the first bad entry.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var verify = new Command("verify", "Check that no audit entry was edited, deleted or reordered.") { config, data };
        verify.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (_, store) =>
        {
            var result = await store.Audit.VerifyAsync(cancellation);
            if (!result.IsIntact)
                return CliErrors.Report([$"audit log broken at entry {result.FirstBadSequence}: {result.Problem} ({result.EntriesChecked} entries before it are intact)"]);
            Console.WriteLine($"ok: {result.EntriesChecked} audit entries, chain intact");
            return 0;
        }, cancellation));
        return new Command("audit", "Work with the audit log.") { verify };
    }
}
