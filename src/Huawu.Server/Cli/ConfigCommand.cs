using System.CommandLine;
using Huawu.Server.Configuration;

namespace Huawu.Server.Cli;

/// <summary><c>huawu config check</c>: validates a configuration file without starting anything.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The configuration file to check." };
        var check = new Command("check", "Validate a configuration file and print the settings it results in.") { file };
        check.SetAction(parse =>
        {
            var loaded = ConfigurationLoader.Load(parse.GetValue(file)!.FullName, new ConfigurationOverrides());
            if (loaded.Configuration is not { } configuration) return CliErrors.Report(loaded.Errors);
            var sip = string.Join(", ", configuration.Sip.Listen.Select(l => $"{l.Transport} {l.Address}:{l.Port}".ToLowerInvariant()));
            Console.WriteLine($"ok: SIP on {sip}; RTP {configuration.Rtp.Address} ports {configuration.Rtp.Ports}; " +
                              $"HTTP {configuration.Http.Address}:{configuration.Http.Port}; " +
                              $"{configuration.Trunks.Count} trunk(s), {configuration.Extensions.Count} extension(s); data in {configuration.Data}");
            return 0;
        });
        return new Command("config", "Work with configuration files.") { check };
    }
}
