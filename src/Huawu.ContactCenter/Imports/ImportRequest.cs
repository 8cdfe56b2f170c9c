using Huawu.ContactCenter.Phones;

namespace Huawu.ContactCenter.Imports;

/// <summary>An import into one list: numbers without a country code are in <see cref="Region"/>; <see cref="Map"/> holds <c>column=field</c> entries.</summary>
public sealed record ImportRequest(long ListId, PhoneRegion Region)
{
    public IReadOnlyList<string> Map { get; init; } = [];

    /// <summary>Given every row not imported, as it is found (the report keeps only the first <see cref="ImportReport.MaxListedProblems"/>).</summary>
    public Action<ImportProblem>? OnProblem { get; init; }

    public IProgress<ImportProgress>? Progress { get; init; }
}
