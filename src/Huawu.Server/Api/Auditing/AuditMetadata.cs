namespace Huawu.Server.Api.Auditing;

/// <summary>How a state-changing endpoint is audited; every POST, PUT, PATCH and DELETE endpoint declares one (a test checks).</summary>
internal enum AuditMode
{
    /// <summary>The <see cref="AuditFilter"/> records the outcome: created, updated or deleted by HTTP method.</summary>
    ByFilter,
    /// <summary>The handler records its own entries (sign-in, exports), with details only it knows.</summary>
    ByHandler,
    /// <summary>A POST that changes nothing (a lookup whose input is personal data and so must not be in the URL).</summary>
    ReadOnly,
}

internal sealed record AuditMetadata(AuditMode Mode, string TargetType);

/// <summary>A response body that names the record it created, for the audit entry's target id.</summary>
internal interface IAuditTarget
{
    string AuditId { get; }
}
