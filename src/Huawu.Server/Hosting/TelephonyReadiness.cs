using Huawu.Server.Api.Health;
using Huawu.Telephony.Engine;

namespace Huawu.Server.Hosting;

/// <summary>Ready when the node can take calls: its SIP listeners are bound and telephony runs (not while starting or stopping).</summary>
internal sealed class TelephonyReadiness(TelephonyEngine engine) : IReadinessCheck
{
    public string Name => "telephony";

    public Task<string?> ProblemAsync(CancellationToken cancellation) =>
        Task.FromResult(engine.IsReady ? null : "SIP listeners not bound, or telephony stopping");
}
