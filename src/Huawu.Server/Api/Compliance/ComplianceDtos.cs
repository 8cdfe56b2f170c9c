using Huawu.Data.Compliance;
using Huawu.Server.Api.Auditing;

namespace Huawu.Server.Api.Compliance;

/// <summary>A phone number as a request body: personal data stays out of URLs (and so out of access logs).</summary>
public sealed record PhoneRequest(string? Phone);

public sealed record DoNotCallRequest(string? Phone, string? Reason);

/// <summary>The list holds only blind indexes, so it can be counted and checked but never listed.</summary>
public sealed record DoNotCallSummary(long Count);

public sealed record DoNotCallResponse(string Reason, string Source, DateTimeOffset CreatedAt, bool NewlyListed);

public sealed record ConsentRequest(string? Phone, string? Purpose, bool? Granted, string? Source, long? CallId);

public sealed record ConsentResponse(long Id, string Purpose, bool Granted, string Source, long? CallId, DateTimeOffset RecordedAt) : IAuditTarget
{
    string IAuditTarget.AuditId => Ids.Text(Id);

    internal static ConsentResponse From(Consent consent) =>
        new(consent.Id, consent.Purpose, consent.Granted, consent.Source, consent.CallId, consent.RecordedAt);
}
