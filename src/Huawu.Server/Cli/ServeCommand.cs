using System.CommandLine;
using Huawu.Server.Configuration;
using Huawu.Server.Hosting;

namespace Huawu.Server.Cli;

/// <summary><c>huawu serve</c>: runs a node until it is stopped (Ctrl-C or SIGTERM).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var sipPort = new Option<int?>("--sip-port") { Description = "Port for every SIP listener (UDP and TCP); overrides the file." };
        var httpPort = new Option<int?>("--http-port") { Description = "Port of the HTTP API and health checks; 0 picks a free port." };
        var rtpPorts = new Option<string?>("--rtp-ports") { Description = "RTP port range A-B, e.g. 20000-29999; overrides the file." };

        var command = new Command("serve", "Run a Huawu node: SIP, media and the HTTP API, until stopped.")
        {
            config, data, sipPort, httpPort, rtpPorts,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var overrides = new ConfigurationOverrides(
                parse.GetValue(data)?.FullName, parse.GetValue(sipPort), parse.GetValue(httpPort), parse.GetValue(rtpPorts));
            var loaded = ConfigurationLoader.Load(parse.GetValue(config)?.FullName, overrides);
            if (loaded.Configuration is null) return CliErrors.Report(loaded.Errors);
            return await NodeHost.RunAsync(loaded.Configuration, cancellation);
        });
        return command;
    }
}
