using System.CommandLine;

namespace Huawu.Server.Cli;

/// <summary>Options several verbs share, defined once so every verb spells and documents them alike.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Config() => new("--config")
    {
        Description = "Configuration file (YAML or JSON); see config/huawu.example.yaml. Without it, built-in defaults.",
    };

    public static Option<DirectoryInfo?> Data() => new("--data")
    {
        Description = "Data directory (database, recordings, logs); overrides the file's 'data'. Default: ./data",
    };
}
