using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Dialing;
using Huawu.Data;
using Huawu.Robot.Runtime;
using Huawu.Server.Configuration;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Campaigns;

/// <summary>
/// Runs the node's dialer with the host: registered after the telephony engine, it starts once calls can be placed (settling first what
/// a crash left in flight, from call records the call records service has closed by then) and stops before the engine, letting the
/// calls in progress end and be settled within the host's shutdown time.
/// </summary>
internal sealed class DialerService(DataStore store, ICallControl calls, ServerConfiguration configuration, CampaignEventFeed events,
    IRobotServicesSource robots, ILoggerFactory loggers, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private Dialer? _dialer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.Dialer.Enabled) return;
        var options = configuration.Dialer.ToOptions(configuration.Trunks);
        var gate = new ComplianceGate(store, new ComplianceRuleSource(store.Settings, time, loggers.CreateLogger<ComplianceRuleSource>()), time);
        // Campaigns with a script get the robot; the others the interim prompt.
        var answered = new RobotCallHandler(store, robots, new PromptPlaybackHandler(), loggers.CreateLogger<RobotCallHandler>());
        _dialer = new Dialer(store, calls, gate, answered, options, time, loggers.CreateLogger<Dialer>(), events);
        await _dialer.StartAsync(cancellationToken);
        loggers.CreateLogger<DialerService>().LogInformation("Dialer: on, node {Node}", options.NodeId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _dialer?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _dialer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
