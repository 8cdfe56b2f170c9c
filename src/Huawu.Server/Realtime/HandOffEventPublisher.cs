using System.Data.Common;
using Huawu.Data;
using Huawu.Data.Protection;
using Huawu.Robot.Runtime;
using Huawu.Server.Security;

namespace Huawu.Server.Realtime;

/// <summary>
/// The robot's hand-offs as <c>handoff</c> realtime events: the context (transcript so far, last intent, variables and
/// slots, tags, grade) popped on the screen of the agent at the rung extension (for a queue, each member as it is offered the
/// call), and on the screens of the supervisors of
/// the agent's and the call's teams (and of everyone who sees every call), masked per viewer like the call's events.
/// </summary>
internal sealed class HandOffEventPublisher(RealtimeHub realtime, DataStore store, TimeProvider time, ILogger<HandOffEventPublisher> logger)
    : IHandOffNotifier
{
    public const string EventType = "handoff";

    public async Task NotifyAsync(HandOffNotice notice, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notice);
        realtime.Publish(new RealtimeEvent(EventType, time.GetUtcNow(), notice.CallId, await AudienceAsync(notice, cancellation), view => Describe(notice, view)));
    }

    private async Task<EventAudience> AudienceAsync(HandOffNotice notice, CancellationToken cancellation)
    {
        try
        {
            var agent = await store.Agents.FindUserByExtensionAsync(notice.Extension, cancellation);
            var teams = new SortedSet<long>();
            if (agent is { } agentId) teams.UnionWith((await store.Teams.MembershipsAsync(agentId, cancellation)).Select(m => m.TeamId));
            if (await store.Calls.FindByLegIdAsync(notice.CallId, cancellation) is { } call) teams.UnionWith(await store.Calls.TeamsOfAsync(call.Id, cancellation));
            return new EventAudience(agent, [.. teams]);
        }
        catch (DbException e)
        {
            // Fails closed, like the call's own events: only those who see every call get it.
            logger.LogWarning(e, "Cannot look up who may see the hand-off of call {CallId}; sending it to full-access viewers only", notice.CallId);
            return EventAudience.Unassigned;
        }
    }

    private static object Describe(HandOffNotice notice, PersonalDataView view) => new
    {
        extension = notice.Extension,
        queue = notice.Queue,
        callee = PartyText.Show(view, notice.CalleeNumber),
        script = notice.Context.ScriptName,
        node = notice.Context.NodeId,
        intent = notice.Context.LastIntent,
        grade = notice.Context.Grade,
        tags = notice.Context.Tags,
        variables = view.Show(DataClass.Variable, notice.Context.Variables),
        transcript = notice.Context.Transcript.Select(entry => new
        {
            at = entry.At,
            speaker = entry.Speaker.ToString().ToLowerInvariant(),
            text = view.Show(DataClass.Transcript, entry.Text),
            node = entry.NodeId,
            intent = entry.Intent,
            confidence = entry.Confidence,
        }),
    };
}
