using Huawu.Data;
using Huawu.Data.Calls;

namespace Huawu.Server.Calls;

/// <summary>
/// At start, closes the calls the previous run of this node left open (a crash, a kill -9): each ends as
/// <see cref="Cause"/> at its last known time — the latest of its start, answer, events and legs — together with its open
/// legs, with a <c>closed_at_restart</c> event and an audit entry; its ring and talk time run to that time, and no side
/// is named as having hung up. A recording cut short stays as the store left it (a row
/// never completed, refused for playback). A call that cannot be closed now stays in the journal for the next start.
/// </summary>
internal sealed class RestartRecovery(DataStore store, CallRecordProblems problems, ILogger logger)
{
    /// <summary>The hang-up cause of a call whose end the node did not live to see.</summary>
    public const string Cause = "NodeRestart";

    /// <summary>Closes <paramref name="leftOpen"/>; returns those it could not.</summary>
    public async Task<IReadOnlyList<string>> CloseAsync(IReadOnlyList<string> leftOpen, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(leftOpen);
        var stillOpen = new List<string>();
        foreach (var callUuid in leftOpen)
        {
            try
            {
                await CloseAsync(callUuid, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Call {CallId} was left open by the previous run and cannot be closed now; trying again at the next start", callUuid);
                stillOpen.Add(callUuid);
            }
        }
        return stillOpen;
    }

    private async Task CloseAsync(string callUuid, CancellationToken cancellation)
    {
        // The journal line comes before the row: a crash between the two leaves no call to close.
        if (await store.Calls.FindByUuidAsync(callUuid, cancellation) is not { EndedAt: null } call) return;
        var legs = await store.Calls.LegsAsync(call.Id, cancellation);
        var events = await store.Calls.EventsAsync(call.Id, cancellation);
        DateTimeOffset[] known = [call.StartedAt, call.AnsweredAt ?? call.StartedAt, .. events.Select(e => e.OccurredAt), .. legs.Select(l => l.EndedAt ?? l.StartedAt)];
        var lastKnown = known.Max();
        foreach (var leg in legs.Where(l => l.EndedAt is null)) await store.Calls.EndLegAsync(leg.Id, new LegEnd(lastKnown, Cause), cancellation);
        await store.Calls.AddEventAsync(call.Id, "closed_at_restart", null, cancellation);
        // Who hung up is unknown; the durations follow from the known times, like the end itself (at least this long).
        await store.Calls.EndAsync(call.Id, new CallEnd(lastKnown, Cause)
        {
            RingDuration = (call.AnsweredAt ?? lastKnown) - call.StartedAt,
            TalkDuration = call.AnsweredAt is { } answered ? lastKnown - answered : TimeSpan.Zero,
        }, cancellation);
        await problems.ClosedAfterRestartAsync(callUuid, lastKnown);
    }
}
