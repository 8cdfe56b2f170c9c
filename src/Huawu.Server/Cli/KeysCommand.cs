using System.CommandLine;
using Huawu.Data.Audit;
using Huawu.Data.Keys;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu keys rotate|status|retire</c>. Rotation writes the new key to the key file before re-encrypting
/// anything, so an interruption loses nothing: <c>keys rotate --resume</c> finishes the job. Restart running
/// nodes after a rotation (they still write under the key they started with), then resume, then retire.
/// </summary>
internal static class KeysCommand
{
    public static Command Create() => new("keys", "Manage the data keys.") { Rotate(), Status(), Retire() };

    private static Command Rotate()
    {
        var resume = new Option<bool>("--resume") { Description = "Do not add a key; finish moving data to the current active key." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("rotate", "Add a new active data key and re-encrypt every value and recording with it.") { resume, config, data };
        command.SetAction(async (parse, cancellation) =>
        {
            if (DataSetup.Load(parse.GetValue(config), parse.GetValue(data), out var errors) is not { } setup) return CliErrors.Report(errors);
            var keys = setup.Keys;
            if (!parse.GetValue(resume))
            {
                keys = keys.WithNewActiveKey(TimeProvider.System);
                if (KeyStore.Save(setup.KeySource, keys) is { } saveError) return CliErrors.Report([saveError]);
                Console.WriteLine($"added data key {keys.ActiveKeyId} to {setup.KeySource.FilePath}; it is now the active key");
            }
            return await setup.WithStoreAsync(async store =>
            {
                var report = await new KeyRotation(store).ReencryptAsync(cancellation: cancellation);
                Console.WriteLine($"re-encrypted {report.Values} values and {report.Recordings} recordings under key {report.ActiveKeyId}");
                if (report.Problems.Count > 0) return CliErrors.Report(report.Problems.Prepend($"{report.Problems.Count} item(s) could not be re-encrypted:"));
                Console.WriteLine("older keys can be retired once nothing uses them: huawu keys status");
                return 0;
            }, cancellation, keys);
        });
        return command;
    }

    private static Command Status()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("status", "Show each data key and how many values and recordings it still encrypts.") { config, data };
        command.SetAction((parse, cancellation) => DataSetup.RunAsync(parse, config, data, async (setup, store) =>
        {
            Console.WriteLine($"keys from {setup.KeySource.Describe()}");
            foreach (var usage in await new KeyRotation(store).UsageAsync(cancellation))
            {
                var state = usage.KeyId == setup.Keys.ActiveKeyId ? "active" : setup.Keys.TryGet(usage.KeyId, out _) ? (usage.InUse ? "in use" : "retirable") : "MISSING";
                Console.WriteLine($"key {usage.KeyId}: {state}, {usage.Values} values, {usage.Recordings} recordings");
            }
            return 0;
        }, cancellation));
        return command;
    }

    private static Command Retire()
    {
        var id = new Argument<uint>("id") { Description = "The data key to remove from the key file." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("retire", "Remove an old data key that nothing uses any more.") { id, config, data };
        command.SetAction(async (parse, cancellation) =>
        {
            if (DataSetup.Load(parse.GetValue(config), parse.GetValue(data), out var errors) is not { } setup) return CliErrors.Report(errors);
            var keyId = parse.GetValue(id);
            if (!setup.Keys.TryGet(keyId, out _)) return CliErrors.Report([$"key {keyId} is not in {setup.KeySource.Describe()}"]);
            if (keyId == setup.Keys.ActiveKeyId) return CliErrors.Report([$"key {keyId} is the active key; rotate first"]);
            return await setup.WithStoreAsync(async store =>
            {
                var usage = (await new KeyRotation(store).UsageAsync(cancellation)).Single(u => u.KeyId == keyId);
                if (usage.InUse)
                    return CliErrors.Report([$"key {keyId} still encrypts {usage.Values} values and {usage.Recordings} recordings; run: huawu keys rotate --resume"]);
                if (KeyStore.Save(setup.KeySource, setup.Keys.Without(keyId)) is { } saveError) return CliErrors.Report([saveError]);
                await store.Audit.AppendAsync(new AuditEvent(CliActor.Name, AuditAction.KeyRetired, TargetType: "key",
                    TargetId: keyId.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellation);
                Console.WriteLine($"retired key {keyId}");
                return 0;
            }, cancellation);
        });
        return command;
    }
}
