using System.CommandLine;
using Huawu.Data.Audit;
using Huawu.Data.Backups;

namespace Huawu.Server.Cli;

/// <summary><c>huawu backup DIR</c> and <c>huawu restore DIR</c>.</summary>
internal static class BackupCommand
{
    public static Command CreateBackup()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A new or empty folder for the backup." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("backup", "Take a consistent online backup of the database and recordings, with a checksum manifest.")
        {
            directory, config, data,
        };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (setup, store) =>
        {
            var target = parse.GetValue(directory)!.FullName;
            var backup = await new BackupService(store).CreateAsync(target, CliActor.Name, cancellation);
            if (backup.Value is not { } manifest) return CliErrors.Report([backup.Detail!]);
            Console.WriteLine($"backed up to {target}: {manifest.Files.Count} files, {manifest.Files.Sum(f => f.Size)} bytes, schema {manifest.SchemaVersion}");
            Console.WriteLine($"the data keys are NOT in the backup: keep {setup.KeySource.Describe()} (keys {string.Join(", ", manifest.KeyIds)}) safe separately");
            return 0;
        }, cancellation));
        return command;
    }

    public static Command CreateRestore()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A folder written by huawu backup." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("restore", "Verify a backup against its manifest, then replace the database and recordings with it. Stop Huawu first.")
        {
            directory, config, data,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (DataSetup.Load(parse.GetValue(config), parse.GetValue(data), out var errors) is not { } setup) return CliErrors.Report(errors);
            var source = parse.GetValue(directory)!.FullName;
            var restored = await BackupRestore.RestoreAsync(source, setup.StoreOptions, setup.Keys, cancellation);
            if (restored.Value is not { } report) return CliErrors.Report([$"not restored: {restored.Detail}"]);
            foreach (var missing in report.MissingKeyIds)
                Console.Error.WriteLine($"huawu: warning: the backup may need data key {missing}, which {setup.KeySource.Describe()} lacks");
            return await setup.WithStoreAsync(async store =>
            {
                await store.Audit.AppendAsync(new AuditEvent(CliActor.Name, AuditAction.BackupRestored, TargetType: "backup", TargetId: source,
                    Detail: $"taken {report.Manifest.CreatedAt:O}"), cancellation);
                Console.WriteLine($"restored {report.Manifest.Files.Count} files from {source} (taken {report.Manifest.CreatedAt:u})");
                return 0;
            }, cancellation);
        });
        return command;
    }
}
