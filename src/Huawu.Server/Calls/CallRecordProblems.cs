using Huawu.Data.Audit;

namespace Huawu.Server.Calls;

/// <summary>
/// Reports what could not be written about a call: in the log, and in the audit log (so a gap in the call history is
/// explained), never as an exception into the call. An audit log that cannot be written either is logged.
/// </summary>
internal sealed class CallRecordProblems(IAuditLog audit, ILogger logger)
{
    /// <summary>Who writes call records, as the audit log names it.</summary>
    public const string Actor = "system:call-records";

    public Task NotStoredAsync(string callUuid, string what, string why)
    {
        logger.LogError("Call {CallId}: the {What} was not stored: {Why}", callUuid, what, why);
        return AuditAsync(new AuditEvent(Actor, AuditAction.Created, AuditOutcome.Failure, "call", callUuid, $"{what} not stored: {why}"));
    }

    public Task EventsLostAsync(long lost)
    {
        logger.LogError("Call records fell behind the call events and lost {Lost} so far; calls may lack events or stay open until the next start", lost);
        return AuditAsync(new AuditEvent(Actor, AuditAction.Created, AuditOutcome.Failure, "call_events", null, $"{lost} call events lost so far"));
    }

    public Task ClosedAfterRestartAsync(string callUuid, DateTimeOffset endedAt)
    {
        logger.LogWarning("Call {CallId} was left open by the previous run; closed as {Cause} at {EndedAt:O}", callUuid, RestartRecovery.Cause, endedAt);
        return AuditAsync(new AuditEvent(Actor, AuditAction.Updated, AuditOutcome.Success, "call", callUuid,
            $"left open by the previous run: ended as {RestartRecovery.Cause} at its last known time"));
    }

    private async Task AuditAsync(AuditEvent auditEvent)
    {
        try
        {
            await audit.AppendAsync(auditEvent, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever broke the write likely breaks the audit too; the log line above stands.
            logger.LogError(e, "The audit entry for {Target} {Id} could not be written either", auditEvent.TargetType, auditEvent.TargetId);
        }
    }
}
