using Huawu.Data;
using Huawu.Data.Audit;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Auditing;

/// <summary>
/// Appends audit entries for API requests, naming the caller (<c>user:alice</c>, or <c>anonymous</c>) and what
/// they touched. Details never carry personal data: ids, masked values and route patterns only.
/// </summary>
internal sealed class RequestAudit(DataStore store)
{
    public const string Anonymous = "anonymous";

    public Task RecordAsync(HttpContext context, AuditAction action, AuditOutcome outcome, string? targetType, string? targetId, string? detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = Caller.From(context.User)?.AuditActor ?? Anonymous;
        // Not the request's token: an audit entry of a request the client gave up on must still be written.
        return store.Audit.AppendAsync(new AuditEvent(actor, action, outcome, targetType, targetId, detail), CancellationToken.None);
    }

    /// <summary>The endpoint as its route pattern (<c>GET /api/v1/users/{id:long}</c>), never the raw path or query.</summary>
    public static string Describe(HttpContext context, Endpoint? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Method + " " + (RoutePath.Of(endpoint ?? context.GetEndpoint()) ?? "(no endpoint)");
    }
}
