using Huawu.Data.Storage;

namespace Huawu.Data.Calls;

internal sealed partial class CallRecordRepository
{
    public async Task<IReadOnlyList<CallRecord>> PageAsync(CallScope scope, long? beforeId, int limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (scope.IsEmpty) return [];
        var conditions = new List<string>();
        if (beforeId is not null) conditions.Add("id < @beforeId");
        if (!scope.Everything) conditions.Add("(" + string.Join(" OR ", ScopeConditions(scope)) + ")");
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        // Newest first by id (ids grow with insertion), keyset-paged so a page costs the same deep in the history.
        var rows = await Database.ReadAsync(c => c.List<CallRow>(SelectCalls + where + " ORDER BY id DESC LIMIT @limit",
            new { beforeId, limit, scope.AgentUserId, TeamIds = scope.TeamIds.ToArray() }, null, cancellation), cancellation);
        return [.. rows.Select(Decrypt)];
    }

    public async Task<bool> IsInScopeAsync(long callId, CallScope scope, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsEmpty) return false;
        var condition = scope.Everything ? "" : " AND (" + string.Join(" OR ", ScopeConditions(scope)) + ")";
        return await Database.ReadAsync(c => c.Scalar<long>("SELECT count(*) FROM calls WHERE id = @callId" + condition,
            new { callId, scope.AgentUserId, TeamIds = scope.TeamIds.ToArray() }, null, cancellation), cancellation) > 0;
    }

    public async Task<IReadOnlyList<long>> TeamsOfAsync(long callId, CancellationToken cancellation = default) =>
        await Database.ReadAsync(async c => (IReadOnlyList<long>)await c.List<long>("""
            SELECT m.team_id FROM calls k JOIN team_members m ON m.user_id = k.agent_user_id WHERE k.id = @callId
            UNION
            SELECT q.team_id FROM calls k JOIN queues q ON q.id = k.queue_id WHERE k.id = @callId AND q.team_id IS NOT NULL
            ORDER BY 1
            """, new { callId }, null, cancellation), cancellation);

    public async Task<IReadOnlyList<CallRecord>> CurrentForAgentAsync(long agentUserId, CancellationToken cancellation = default)
    {
        var rows = await Database.ReadAsync(c => c.List<CallRow>(
            SelectCalls + " WHERE agent_user_id = @agentUserId AND ended_at IS NULL ORDER BY id DESC", new { agentUserId }, null, cancellation),
            cancellation);
        return [.. rows.Select(Decrypt)];
    }

    // Fixed text per scope shape; only the parameters carry values.
    private IEnumerable<string> ScopeConditions(CallScope scope)
    {
        if (scope.AgentUserId is not null) yield return "agent_user_id = @AgentUserId";
        if (scope.TeamIds.Count == 0) yield break;
        var inTeams = Database.Dialect.InList("team_id", "TeamIds");
        yield return $"agent_user_id IN (SELECT user_id FROM team_members WHERE {inTeams})";
        yield return $"queue_id IN (SELECT id FROM queues WHERE {inTeams})";
    }
}
