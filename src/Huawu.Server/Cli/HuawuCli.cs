using System.CommandLine;

namespace Huawu.Server.Cli;

/// <summary>The <c>huawu</c> command line: one root with a verb per job.</summary>
internal static class HuawuCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Huawu (话务): a self-hosted AI contact center — SIP telephony, a calling robot and a call center.")
        {
            ServeCommand.Create(),
            ConfigCommand.Create(),
            UserCommand.Create(),
            KeysCommand.Create(),
            AuditCommand.Create(),
            EraseCommand.Create(),
            BackupCommand.CreateBackup(),
            BackupCommand.CreateRestore(),
            RetentionCommand.Create(),
            ContactsCommand.Create(),
            CampaignCommand.Create(),
            ComplianceCommand.Create(),
            ComplianceCommand.CreateDoNotCall(),
            VadCommand.Create(),
            TtsCommand.Create(),
            AsrCommand.Create(),
            ModelsCommand.Create(),
            ScriptCommand.Create(),
            CallCommand.Create(),
            CallbacksCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
