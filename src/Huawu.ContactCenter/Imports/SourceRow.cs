namespace Huawu.ContactCenter.Imports;

/// <summary>One data row of an import file: its line (CSV) or row number (XLSX), as a person opening the file sees it, and its cells.</summary>
/// <param name="Malformed">Why the row could not be read as the format says (a stray quote), or null.</param>
public sealed record SourceRow(int Line, IReadOnlyList<string?> Cells, string? Malformed = null)
{
    public string? Cell(int column) => column < Cells.Count ? Cells[column] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
