using Huawu.Data;
using Huawu.Data.Audit;
using Huawu.Data.Calls;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Calls;

/// <summary>
/// Finds a call for a request, if the caller's scope reaches it. A call out of scope answers like one that does not
/// exist (404: its existence is not confirmed), and the refusal is audited as a permission denial.
/// </summary>
internal sealed class CallAccess(DataStore store, ScopeResolver scopes, RequestAudit audit)
{
    public async Task<ScopedCall?> FindAsync(HttpContext context, long callId, CancellationToken cancellation)
    {
        var scope = await scopes.ForRequestAsync(context);
        if (await store.Calls.IsInScopeAsync(callId, scope.Calls, cancellation))
            return (await store.Calls.GetAsync(callId, cancellation)) is { } call ? new ScopedCall(call, scope) : null;
        if (await store.Calls.GetAsync(callId, cancellation) is not null)
            await audit.RecordAsync(context, AuditAction.PermissionDenied, AuditOutcome.Denied, "call", Ids.Text(callId), "outside the caller's scope");
        return null;
    }

    /// <summary>
    /// Whether the caller may see who the customer of this call is: anyone whose scope reaches the call, except
    /// that an agent reaching it only as their own sees the customer while the call lasts (the current call).
    /// </summary>
    public async Task<bool> MaySeeCustomerAsync(ScopedCall scoped, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        var calls = scoped.Scope.Calls;
        if (calls.Everything) return true;
        if (calls.TeamIds.Count > 0 && await store.Calls.IsInScopeAsync(scoped.Call.Id, calls with { AgentUserId = null }, cancellation)) return true;
        return calls.AgentUserId is { } self && scoped.Call.AgentUserId == self && scoped.Call.EndedAt is null;
    }
}

/// <summary>A call the caller may see, with the scope that let them.</summary>
internal sealed record ScopedCall(CallRecord Call, CallerScope Scope);
