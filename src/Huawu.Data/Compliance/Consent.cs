namespace Huawu.Data.Compliance;

/// <summary>One recorded grant or withdrawal of consent for a purpose (recording, marketing calls…).</summary>
public sealed record Consent(long Id, string Purpose, bool Granted, string Source, long? CallId, DateTimeOffset RecordedAt);
