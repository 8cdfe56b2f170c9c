using Huawu.Telephony.Engine;

namespace Huawu.Server.Hosting;

/// <summary>
/// Runs the node's telephony for as long as the host runs: started with the host (binding SIP and RTP, registering
/// trunks) and stopped with it — on SIGTERM or Ctrl-C — hanging up every call and de-registering first.
/// </summary>
internal sealed class TelephonyService(TelephonyEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
