using Huawu.Data.Audit;

namespace Huawu.Server.Api.Auditing;

/// <summary>
/// Writes the audit entry of a create, update or delete once the handler has answered: success for 2xx, failure
/// otherwise, naming the target by its route ids (or by the id in the created body). Handlers may add a
/// detail with <see cref="AuditNotes.Note"/> (never personal data).
/// </summary>
internal sealed class AuditFilter(string targetType, AuditAction? action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        var http = context.HttpContext;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var succeeded = status is >= 200 and < 300;
        var recorded = action ?? http.Request.Method switch
        {
            "POST" => AuditAction.Created,
            "DELETE" => AuditAction.Deleted,
            _ => AuditAction.Updated,
        };
        var targetId = result is IValueHttpResult { Value: IAuditTarget created } ? created.AuditId : RouteIds(http);
        var detail = AuditNotes.Read(http) ?? (succeeded ? null : $"answered {status}");
        await http.RequestServices.GetRequiredService<RequestAudit>()
            .RecordAsync(http, recorded, succeeded ? AuditOutcome.Success : AuditOutcome.Failure, targetType, targetId, detail);
        return result;
    }

    private static string? RouteIds(HttpContext http)
    {
        var ids = http.Request.RouteValues.Select(pair => pair.Value?.ToString()).Where(value => !string.IsNullOrEmpty(value)).ToList();
        return ids.Count == 0 ? null : string.Join('/', ids);
    }
}

/// <summary>A detail a handler leaves for the audit entry of its request.</summary>
internal static class AuditNotes
{
    private static readonly object Key = new();

    public static void Note(this HttpContext context, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = detail;
    }

    public static string? Read(HttpContext context) => context.Items.TryGetValue(Key, out var detail) ? detail as string : null;
}

/// <summary>Declaring how an endpoint is audited.</summary>
internal static class AuditedEndpoints
{
    /// <summary>Audited by <see cref="AuditFilter"/>; the action follows the HTTP method unless given (a POST that ends something).</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string targetType, AuditAction? action = null) =>
        builder.AddEndpointFilter(new AuditFilter(targetType, action)).WithMetadata(new AuditMetadata(AuditMode.ByFilter, targetType));

    public static RouteHandlerBuilder AuditedByHandler(this RouteHandlerBuilder builder, string targetType) =>
        builder.WithMetadata(new AuditMetadata(AuditMode.ByHandler, targetType));

    public static RouteHandlerBuilder ReadOnlyPost(this RouteHandlerBuilder builder, string targetType) =>
        builder.WithMetadata(new AuditMetadata(AuditMode.ReadOnly, targetType));
}
