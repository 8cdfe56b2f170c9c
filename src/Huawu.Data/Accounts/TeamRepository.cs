using Huawu.Data.Storage;

namespace Huawu.Data.Accounts;

internal sealed class TeamRepository(StoreContext context) : ITeamRepository
{
    private const string SelectMembers = "SELECT team_id, user_id, is_supervisor FROM team_members";

    private Database Database => context.Database;

    public async Task<DataResult<Team>> CreateAsync(string name, CancellationToken cancellation = default)
    {
        if (!ShortNames.TryNormalize(name, out var trimmed)) return DataResult.Fail<Team>(DataProblem.Invalid, "name: " + ShortNames.Rule);
        var now = context.NowMs;
        var id = await Database.WriteAsync((c, t) => c.Scalar<long?>(
            "INSERT INTO teams (name, created_at) VALUES (@trimmed, @now) ON CONFLICT (name) DO NOTHING RETURNING id",
            new { trimmed, now }, t, cancellation), cancellation);
        return id is { } teamId
            ? DataResult.Ok(new Team(teamId, trimmed, UnixTime.FromMs(now)))
            : DataResult.Fail<Team>(DataProblem.Duplicate, $"a team named '{trimmed}' exists");
    }

    public async Task<Team?> GetAsync(long id, CancellationToken cancellation = default) =>
        (await Database.ReadAsync(c => c.FirstOrDefault<TeamRow>("SELECT id, name, created_at FROM teams WHERE id = @id", new { id }, null, cancellation),
            cancellation))?.ToTeam();

    public async Task<IReadOnlyList<Team>> ListAsync(CancellationToken cancellation = default) =>
        [.. (await Database.ReadAsync(c => c.List<TeamRow>("SELECT id, name, created_at FROM teams ORDER BY id", null, null, cancellation), cancellation))
            .Select(r => r.ToTeam())];

    public Task<bool> DeleteAsync(long id, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) => await c.Exec("DELETE FROM teams WHERE id = @id", new { id }, t, cancellation) > 0, cancellation);

    public Task<DataResult<TeamMember>> SetMemberAsync(long teamId, long userId, bool isSupervisor, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) =>
        {
            // Checked first, so a missing team or user is an answer rather than a foreign-key failure of the whole transaction.
            var found = await c.Scalar<long>("SELECT (SELECT count(*) FROM teams WHERE id = @teamId) + (SELECT count(*) FROM users WHERE id = @userId)",
                new { teamId, userId }, t, cancellation);
            if (found < 2) return DataResult.Fail<TeamMember>(DataProblem.NotFound, "no such team or user");
            await c.Exec("""
                INSERT INTO team_members (team_id, user_id, is_supervisor) VALUES (@teamId, @userId, @isSupervisor)
                ON CONFLICT (team_id, user_id) DO UPDATE SET is_supervisor = excluded.is_supervisor
                """, new { teamId, userId, isSupervisor }, t, cancellation);
            return DataResult.Ok(new TeamMember(teamId, userId, isSupervisor));
        }, cancellation);

    public Task<bool> RemoveMemberAsync(long teamId, long userId, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) =>
            await c.Exec("DELETE FROM team_members WHERE team_id = @teamId AND user_id = @userId", new { teamId, userId }, t, cancellation) > 0,
            cancellation);

    public async Task<IReadOnlyList<TeamMember>> MembersAsync(long teamId, CancellationToken cancellation = default) =>
        await Database.ReadAsync(async c => (IReadOnlyList<TeamMember>)(await c.List<MemberRow>(
            SelectMembers + " WHERE team_id = @teamId ORDER BY user_id", new { teamId }, null, cancellation)).Select(r => r.ToMember()).ToList(),
            cancellation);

    public async Task<IReadOnlyList<TeamMember>> MembershipsAsync(long userId, CancellationToken cancellation = default) =>
        await Database.ReadAsync(async c => (IReadOnlyList<TeamMember>)(await c.List<MemberRow>(
            SelectMembers + " WHERE user_id = @userId ORDER BY team_id", new { userId }, null, cancellation)).Select(r => r.ToMember()).ToList(),
            cancellation);

    private sealed class TeamRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public long CreatedAt { get; set; }

        public Team ToTeam() => new(Id, Name, UnixTime.FromMs(CreatedAt));
    }

    private sealed class MemberRow
    {
        public long TeamId { get; set; }

        public long UserId { get; set; }

        public bool IsSupervisor { get; set; }

        public TeamMember ToMember() => new(TeamId, UserId, IsSupervisor);
    }
}
