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
        logger.LogError(exception, "Unhandled exception in {Endpoint} (trace {TraceId})", RequestAudit.Describe(httpContext), httpContext.TraceIdentifier);
        try
        {
            await audit.RecordAsync(httpContext, AuditAction.UnhandledException, AuditOutcome.Failure, "endpoint", RequestAudit.Describe(httpContext),
                $"{exception.GetType().FullName} (trace {httpContext.TraceIdentifier})");
        }
        catch (Exception auditFailure) when (auditFailure is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // The failure may be the database itself: the log line above still tells the story.
            logger.LogError(auditFailure, "Could not audit the unhandled exception (trace {TraceId})", httpContext.TraceIdentifier);
        }
        var problem = ApiProblems.Create(StatusCodes.Status500InternalServerError, "internal_error", "Something went wrong",
            "The server failed to answer; the error is logged with this trace id.");
        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        await ApiProblems.WriteAsync(httpContext, problem);
        return true;
    }
}
