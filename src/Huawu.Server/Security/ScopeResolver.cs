using Huawu.Data;
using Huawu.Data.Calls;

namespace Huawu.Server.Security;

/// <summary>Works out a caller's <see cref="CallerScope"/> from their roles and team memberships (once per request).</summary>
internal sealed class ScopeResolver(DataStore store)
{
    private static readonly object ItemKey = new();

    /// <summary>The scope of the request's caller; the request must be authenticated (every scoped endpoint demands a permission).</summary>
    public async Task<CallerScope> ForRequestAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is CallerScope scope) return scope;
        var caller = Caller.From(context.User) ?? throw new InvalidOperationException("A scoped endpoint ran without an authenticated caller.");
        scope = await ResolveAsync(caller, context.RequestAborted);
        context.Items[ItemKey] = scope;
        return scope;
    }

    public async Task<CallerScope> ResolveAsync(Caller caller, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var reaches = PermissionMatrix.ReachesOf(caller.Roles);
        var view = new PersonalDataView(PermissionMatrix.UnmaskedFor(caller.Roles));
        if (reaches.Contains(Reach.Everything)) return new CallerScope(caller, CallScope.All, AllTeams: true, new HashSet<long>(), view);
        IReadOnlySet<long> supervised = reaches.Contains(Reach.SupervisedTeams)
            ? (await store.Teams.MembershipsAsync(caller.UserId, cancellation)).Where(m => m.IsSupervisor).Select(m => m.TeamId).ToHashSet()
            : new HashSet<long>();
        long? self = reaches.Contains(Reach.OwnCalls) ? caller.UserId : null;
        return new CallerScope(caller, new CallScope(false, self, [.. supervised]), AllTeams: false, supervised, view);
    }
}
