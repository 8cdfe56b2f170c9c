namespace Huawu.ContactCenter.Imports;

/// <summary>An import's report, or the errors that stopped it (before any row, or when the store refused a batch).</summary>
public sealed record ImportOutcome(ImportReport? Report, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Report is not null;

    public static ImportOutcome Done(ImportReport report) => new(report, []);

    public static ImportOutcome Failed(IReadOnlyList<string> errors) => new(null, errors);
}
