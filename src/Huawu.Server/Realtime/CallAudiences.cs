using System.Collections.Concurrent;
using Huawu.Data;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Realtime;

/// <summary>
/// Who a live leg's events are for, from the call record it belongs to (agent, and teams by agent or queue) — the record
/// it began, or the one it joined (an extension's phone rung for a caller, a transfer's target), found by the leg's id.
/// Remembered per leg and looked up again when the call may change hands (answered, bridged, transferred); forgotten
/// at hang-up. A leg with no record yet goes only to those who see every call, and is looked up again on its next event.
/// </summary>
internal sealed class CallAudiences(DataStore store)
{
    private readonly ConcurrentDictionary<string, EventAudience> _known = new(StringComparer.Ordinal);

    public int Remembered => _known.Count;

    public async ValueTask<EventAudience> ForAsync(CtiEvent cti, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cti);
        var key = cti.CallId.Value;
        var changesHands = cti is CallAnswered or CallBridged or CallUnbridged or CallTransferred;
        if (!changesHands && cti is not CallHungUp && _known.TryGetValue(key, out var known)) return known;
        var audience = await LookUpAsync(key, cancellation);
        if (cti is CallHungUp) _known.TryRemove(key, out _);
        else if (audience is not null) _known[key] = audience;
        return audience ?? EventAudience.Unassigned;
    }

    private async Task<EventAudience?> LookUpAsync(string legId, CancellationToken cancellation)
    {
        if (await store.Calls.FindByLegIdAsync(legId, cancellation) is not { } call) return null;
        return new EventAudience(call.AgentUserId, await store.Calls.TeamsOfAsync(call.Id, cancellation));
    }
}
