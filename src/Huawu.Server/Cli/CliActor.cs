namespace Huawu.Server.Cli;

/// <summary>How command-line actions name their actor in the audit log: the operating-system user who ran them.</summary>
internal static class CliActor
{
    public static string Name => "cli:" + Environment.UserName;
}
