namespace Huawu.ContactCenter.Imports;

/// <summary>A row that was not imported, by its line (or sheet row) number.</summary>
public sealed record ImportProblem(int Line, string Reason);

/// <summary>How far an import is: rows read and, when the file tells, the fraction of it done.</summary>
public readonly record struct ImportProgress(long Rows, double? Fraction);

/// <summary>What an import did. Every row read is counted once: added, a duplicate, or invalid (blank rows are skipped).</summary>
public sealed record ImportReport(long Rows, int Added, int AlreadyInList, int DuplicatesInFile, int Invalid, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>At most this many problems are kept in <see cref="Problems"/> (each is also given to the import's problem sink).</summary>
    public const int MaxListedProblems = 10_000;

    public bool ProblemsTruncated => AlreadyInList + DuplicatesInFile + Invalid > Problems.Count;
}
