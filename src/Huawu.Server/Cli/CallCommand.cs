using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Dialing;
using Huawu.Robot.Runtime;
using Huawu.Server.Configuration;
using Huawu.Server.Hosting;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu call NUMBER --script FILE [--trunk T] [--var name=value] [--data DIR] [--config FILE]</c>: one robot call. Starts a
/// node in-process on the configuration (its SIP listeners, trunks and speech engines; the HTTP API on a free port), dials the
/// number through the trunk (none: a registered extension or a SIP URI), runs the script on the answered call printing the
/// conversation live, and exits with its outcome. The call is recorded in the data directory like any other.
/// </summary>
internal static class CallCommand
{
    public const int NotConnected = 2;

    public static Command Create()
    {
        var number = new Argument<string>("number") { Description = "Who to call: a phone number (through the trunk), an extension or a SIP URI." };
        var scriptFile = new Option<FileInfo>("--script") { Description = "The script (YAML) the robot runs.", Required = true };
        var trunk = new Option<string?>("--trunk") { Description = "The trunk to dial through (by name). Default: the first configured; none configured: no trunk." };
        var variables = new Option<string[]>("--var") { Description = "A call variable, name=value (repeat)." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("call", "Place one robot call and print the conversation live.") { number, scriptFile, trunk, variables, config, data };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = ConfigurationLoader.Load(parse.GetValue(config)?.FullName, new ConfigurationOverrides(parse.GetValue(data)?.FullName, HttpPort: 0));
            if (loaded.Configuration is not { } configuration) return CliErrors.Report(loaded.Errors);
            if (await ScriptCommand.LoadAsync(parse.GetValue(scriptFile)!, null, cancellation) is not { } script) return CliErrors.Failure;
            if (RobotCall.Unsupported(script, configuration.HasQueue).ToList() is { Count: > 0 } unsupported) return CliErrors.Report(unsupported);
            if (ScriptCommand.Variables(parse.GetValue(variables)) is not { } given) return CliErrors.Failure;
            var via = parse.GetValue(trunk) ?? configuration.Trunks.FirstOrDefault()?.Name;
            if (via is not null && !configuration.Trunks.Any(t => string.Equals(t.Name, via, StringComparison.OrdinalIgnoreCase)))
            {
                return CliErrors.Report([$"--trunk: no trunk is named '{via}'"]);
            }
            // The node's own log stays quiet: the conversation is the output. A failed start is reported below (or thrown), so
            // the host's own log of it would only repeat it as a stack trace.
            if (await NodeHost.BuildAsync(configuration, cancellation, logging => logging.SetMinimumLevel(LogLevel.Warning)
                    .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None)) is not { } node) return CliErrors.Failure;
            await using (node)
            {
                try
                {
                    await node.StartAsync(cancellation);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
                {
                    // Binding is the one start-up step another program decides: say which addresses, not a stack trace.
                    return CliErrors.Report([string.Create(CultureInfo.InvariantCulture,
                        $"cannot listen on {string.Join(", ", configuration.Sip.Listen.Select(l => $"{l.Transport} {l.Address}:{l.Port}"))}: {e.Message} (is a node already running? stop it, or change sip.listen)")]);
                }
                try
                {
                    return await CallAsync(node.Services, parse.GetValue(number)!, via, script, given, cancellation);
                }
                finally
                {
                    await node.StopAsync(CancellationToken.None);
                }
            }
        });
        return command;
    }

    private static async Task<int> CallAsync(IServiceProvider node, string number, string? trunk, Robot.Scripts.Script script,
        IReadOnlyDictionary<string, string> variables, CancellationToken cancellation)
    {
        if (!node.GetRequiredService<IRobotServicesSource>().TryGet(script, out var services, out var error)) return CliErrors.Report([error]);
        Console.WriteLine($"calling {number}{(trunk is null ? "" : " via " + trunk)} with {script.Name}");
        var rung = await node.GetRequiredService<ICallControl>().OriginateAsync(new OriginateRequest(number) { Trunk = trunk }, cancellation);
        if (rung.Call is not { } call)
        {
            Console.WriteLine($"not connected: {rung.Cause} {rung.Reason}");
            return NotConnected;
        }
        Console.WriteLine($"answered ({call.Id})");
        var run = await RobotOnCall.RunAsync(call, script, variables, services, new ConsoleCallWatcher(Console.Out), cancellation);
        if (run.Summary is null) return CliErrors.Report(run.Problems);
        // After a hand-off the callee talks to the agent: the call is over when they hang up.
        var ended = await call.Ended.WaitAsync(cancellation);
        Console.WriteLine($"call ended: {ended.Cause}, talk {ended.TalkDuration.TotalSeconds:F1} s");
        await KeepCallbackPromiseAsync(services.Store, call, script, run.Summary.Result, cancellation);
        return 0;
    }

    /// <summary>
    /// Outside campaigns nobody schedules a callback the robot promised (the campaigns' default outcomes: <c>busy</c>, <c>callback</c>), so it
    /// is stored as a request for an operator (<c>huawu callbacks list</c>) rather than forgotten.
    /// </summary>
    private static async Task KeepCallbackPromiseAsync(Data.DataStore store, ICall call, Robot.Scripts.Script script, Robot.Dialogue.ConversationResult result,
        CancellationToken cancellation)
    {
        var asked = AskedCallback.Of(script, result);
        if (!new CallbackRules().Outcomes.Contains(asked.Outcome, StringComparer.Ordinal)) return;
        var stored = await store.Callbacks.AddAsync(call.Id.ToString(), asked.Outcome, asked.RequestedDate, asked.RequestedTime, cancellation);
        var when = asked.RequestedDate is { } day ? $", for {day:yyyy-MM-dd}{(asked.RequestedTime is { } time ? $" {time:HH:mm}" : "")}" : "";
        Console.WriteLine(stored.Value is { } request
            ? $"callback promised ({asked.Outcome}{when}): request {request.Id} — see 'huawu callbacks list'"
            : $"callback promised ({asked.Outcome}) but NOT stored: {stored.Detail}");
    }
}
