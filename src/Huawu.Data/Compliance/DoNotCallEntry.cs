namespace Huawu.Data.Compliance;

/// <summary>Why and since when a number may not be called. The number itself is not kept, only its blind index.</summary>
public sealed record DoNotCallEntry(string Reason, string Source, DateTimeOffset CreatedAt);
