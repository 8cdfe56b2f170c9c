using Huawu.Telephony.Calls;
using Huawu.Telephony.Legs;

namespace Huawu.Telephony.Engine;

// Transfers asked through the API (the ACD's): the same moves as a REFER from a bridged phone, without the REFER.
public sealed partial class TelephonyEngine
{
    public Task<TransferResult> TransferAsync(ICall party, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        if (party is not CallLeg leg || FindCall(party.Id) != party) return Task.FromResult(TransferResult.Failed(null, "not a call of this node, or ended"));
        return _transfers.TransferAsync(leg, destination, cancellationToken);
    }
}
