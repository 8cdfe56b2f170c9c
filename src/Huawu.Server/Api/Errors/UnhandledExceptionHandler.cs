using System.Diagnostics;
using Huawu.Data.Audit;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Problems;
using Microsoft.AspNetCore.Diagnostics;

namespace Huawu.Server.Api.Errors;

/// <summary>
/// The last word on a bug: logs it, audits it (the exception's type and the endpoint, not its message, which may
/// quote data), and answers 500 as a problem document carrying the trace id to find the log line by.
/// </summary>
internal sealed class UnhandledExceptionHandler(RequestAudit audit, ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already cleared the endpoint to re-run the pipeline; its feature remembers it.
        var endpoint = RequestAudit.Describe(httpContext, httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint);
        // The id the problem document carries too (the W3C trace id when tracing, else the connection's request id).
        var trace = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        logger.LogError(exception, "Unhandled exception in {Endpoint} (trace {TraceId})", endpoint, trace);
        try
        {
            await audit.RecordAsync(httpContext, AuditAction.UnhandledException, AuditOutcome.Failure, "endpoint", endpoint,
                $"{exception.GetType().FullName} (trace {trace})");
        }
        catch (Exception auditFailure) when (auditFailure is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // The failure may be the database itself: the log line above still tells the story.
            logger.LogError(auditFailure, "Could not audit the unhandled exception (trace {TraceId})", trace);
        }
        await ApiProblems.WriteAsync(httpContext, ApiProblems.Create(StatusCodes.Status500InternalServerError, "internal_error",
            "Something went wrong", "The server failed to answer; the error is logged with this problem's traceId."));
        return true;
    }
}
