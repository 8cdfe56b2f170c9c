using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Dialing;
using Huawu.Robot.Runtime;
using Huawu.Server.Configuration;
using Huawu.Server.Hosting;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Cli;

/// <summary>
/// <c>huawu call NUMBER[,name=value...]... --script FILE [--trunk T] [--var name=value] [--data DIR] [--config FILE]</c>: robot
/// calls. Starts a node in-process on the configuration (its SIP listeners, trunks and speech engines; the HTTP API on a free
/// port, printed), dials every number at once through the trunk (none: a registered extension or a SIP URI), runs the script
/// on each answered call printing the conversations live (each line marked with its callee when there are several), and exits
/// once every call has ended. The calls are recorded in the data directory like any other.
/// </summary>
internal static class CallCommand
{
    public const int NotConnected = 2;

    public static Command Create()
    {
        var numbers = new Argument<string[]>("number")
        {
            Description = "Who to call: a phone number (through the trunk), an extension or a SIP URI; NUMBER,name=value,... adds variables " +
                          "for that call (the first value names its lines). Several: called at once.",
            Arity = ArgumentArity.OneOrMore,
        };
        var scriptFile = new Option<FileInfo>("--script") { Description = "The script (YAML) the robot runs.", Required = true };
        var trunk = new Option<string?>("--trunk") { Description = "The trunk to dial through (by name). Default: the first configured; none configured: no trunk." };
        var variables = new Option<string[]>("--var") { Description = "A call variable, name=value (repeat)." };
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("call", "Place robot calls (several at once) and print the conversations live.") { numbers, scriptFile, trunk, variables, config, data };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = ConfigurationLoader.Load(parse.GetValue(config)?.FullName, new ConfigurationOverrides(parse.GetValue(data)?.FullName, HttpPort: 0));
            if (loaded.Configuration is not { } configuration) return CliErrors.Report(loaded.Errors);
            if (await ScriptCommand.LoadAsync(parse.GetValue(scriptFile)!, null, cancellation) is not { } script) return CliErrors.Failure;
            if (RobotCall.Unsupported(script, configuration.HasQueue).ToList() is { Count: > 0 } unsupported) return CliErrors.Report(unsupported);
            if (ScriptCommand.Variables(parse.GetValue(variables)) is not { } given) return CliErrors.Failure;
            var targets = new List<CallTarget>();
            foreach (var text in parse.GetValue(numbers)!)
            {
                if (CallTarget.TryParse(text, given, out var problem) is not { } target) return CliErrors.Report([problem!]);
                targets.Add(target);
            }
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
                    Console.WriteLine($"API on {string.Join(", ", ApiAddresses(node))}");
                    var labelled = targets.Count > 1;
                    var width = targets.Max(t => t.Label.Length);
                    var calls = targets.Select(t => CallAsync(node.Services, t, via, script,
                        new ConsoleCallWatcher(Console.Out, labelled ? t.Label.PadRight(width) + " | " : ""), cancellation));
                    var outcomes = await Task.WhenAll(calls);
                    return outcomes.FirstOrDefault(code => code != 0);
                }
                finally
                {
                    await node.StopAsync(CancellationToken.None);
                }
            }
        });
        return command;
    }

    private static async Task<int> CallAsync(IServiceProvider node, CallTarget target, string? trunk, Robot.Scripts.Script script,
        ConsoleCallWatcher watcher, CancellationToken cancellation)
    {
        if (!node.GetRequiredService<IRobotServicesSource>().TryGet(script, out var services, out var error)) return CliErrors.Report([error]);
        await watcher.WriteAsync($"calling {target.Number}{(trunk is null ? "" : " via " + trunk)} with {script.Name}");
        var rung = await node.GetRequiredService<ICallControl>().OriginateAsync(new OriginateRequest(target.Number) { Trunk = trunk }, cancellation);
        if (rung.Call is not { } call)
        {
            await watcher.WriteAsync($"not connected: {rung.Cause} {rung.Reason}");
            return NotConnected;
        }
        await watcher.WriteAsync($"answered ({call.Id})");
        var run = await RobotOnCall.RunAsync(call, script, target.Variables, services, watcher, cancellation);
        if (run.Summary is null) return CliErrors.Report(run.Problems);
        // After a hand-off the callee talks to the agent: the call is over when they hang up.
        var ended = await call.Ended.WaitAsync(cancellation);
        await watcher.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"call ended: {ended.Cause}, talk {ended.TalkDuration.TotalSeconds:F1} s"));
        await KeepCallbackPromiseAsync(services.Store, call, script, run.Summary.Result, watcher, cancellation);
        return 0;
    }

    /// <summary>
    /// Outside campaigns nobody schedules a callback the robot promised (the campaigns' default outcomes: <c>busy</c>, <c>callback</c>), so it
    /// is stored as a request for an operator (<c>huawu callbacks list</c>) rather than forgotten.
    /// </summary>
    private static async Task KeepCallbackPromiseAsync(Data.DataStore store, ICall call, Robot.Scripts.Script script, Robot.Dialogue.ConversationResult result,
        ConsoleCallWatcher watcher, CancellationToken cancellation)
    {
        var asked = AskedCallback.Of(script, result);
        if (!new CallbackRules().Outcomes.Contains(asked.Outcome, StringComparer.Ordinal)) return;
        var stored = await store.Callbacks.AddAsync(call.Id.ToString(), asked.Outcome, asked.RequestedDate, asked.RequestedTime, cancellation);
        var when = asked.RequestedDate is { } day ? $", for {day:yyyy-MM-dd}{(asked.RequestedTime is { } time ? $" {time:HH:mm}" : "")}" : "";
        await watcher.WriteAsync(stored.Value is { } request
            ? $"callback promised ({asked.Outcome}{when}): request {request.Id} — see 'huawu callbacks list'"
            : $"callback promised ({asked.Outcome}) but NOT stored: {stored.Detail}");
    }

    /// <summary>Where the in-process node's API listens (its port is picked at start).</summary>
    private static IEnumerable<string> ApiAddresses(WebApplication node) =>
        node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
}
