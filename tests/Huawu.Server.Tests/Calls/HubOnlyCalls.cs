using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Tests.Calls;

/// <summary>A call control that is only an event stream: tests publish the CTI events a call would, with no engine behind them.</summary>
internal sealed class HubOnlyCalls(CtiEventHub hub) : ICallControl
{
    public CtiEventHub Events => hub;

    public IReadOnlyCollection<ICall> Calls => [];

    public ICall? FindCall(CallId id) => null;

    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<TransferResult> TransferAsync(ICall party, string destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IConference CreateConference(string name) => throw new NotSupportedException();

    public void SetInboundHandler(Func<ICall, Task> handler) => throw new NotSupportedException();
}
