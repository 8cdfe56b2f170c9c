using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Huawu.ContactCenter.Imports;

/// <summary>
/// The first sheet of a workbook read row by row with the SAX-style <see cref="OpenXmlReader"/> (ECMA-376 Part 1 §18.3), so
/// only one row is ever loaded; the shared-string table (§18.4) is read once, as strings. Lines are the sheet's row numbers.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly IReadOnlyList<string> _sharedStrings;
    private readonly XlsxCellText _cells;
    private readonly int _lastRow;
    private int _rowsRead;

    private XlsxRowSource(SpreadsheetDocument document, WorksheetPart sheet, IReadOnlyList<string> sharedStrings, XlsxCellText cells)
    {
        _document = document;
        _sharedStrings = sharedStrings;
        _cells = cells;
        _reader = OpenXmlReader.Create(sheet);
        _lastRow = ReadDimension();
    }

    public IReadOnlyList<string> Headers { get; private set; } = [];

    public double? Progress => _lastRow > 0 ? Math.Min(1, (double)_rowsRead / _lastRow) : null;

    public static XlsxRowSource? Open(string path, out string? error)
    {
        var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart;
        var firstSheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || firstSheet?.Id?.Value is not { } sheetId || workbook.GetPartById(sheetId) is not WorksheetPart sheet)
        {
            document.Dispose();
            error = $"{path}: the workbook has no worksheet";
            return null;
        }
        var source = new XlsxRowSource(document, sheet, ReadSharedStrings(workbook), XlsxCellText.For(workbook));
        if (!source.TryRead(out var header))
        {
            source.Dispose();
            error = $"{path}: the first sheet is empty (no header row)";
            return null;
        }
        source.Headers = [.. header.Cells.Select(c => c ?? "")];
        error = null;
        return source;
    }

    public bool TryRead(out SourceRow row)
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement) continue;
            var element = (Row)_reader.LoadCurrentElement()!;
            _rowsRead = (int)(element.RowIndex?.Value ?? (uint)(_rowsRead + 1));
            var cells = new List<string?>();
            foreach (var cell in element.Elements<Cell>())
            {
                // Empty cells are often left out of the file: a cell's reference (C7) says which column it is.
                var column = cell.CellReference?.Value is { } reference ? XlsxCellText.ColumnIndex(reference) : cells.Count;
                while (cells.Count < column) cells.Add(null);
                cells.Add(_cells.TextOf(cell, _sharedStrings));
            }
            row = new SourceRow(_rowsRead, cells);
            return true;
        }
        row = null!;
        return false;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
    }

    // <dimension ref="A1:F1001"/> precedes the rows when present: its last row number gives the progress.
    private int ReadDimension()
    {
        while (_reader.Read())
        {
            if (_reader.ElementType == typeof(SheetDimension) && _reader.IsStartElement)
            {
                var reference = ((SheetDimension)_reader.LoadCurrentElement()!).Reference?.Value ?? "";
                var last = reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..];
                return int.TryParse(last.AsSpan(last.AsSpan().IndexOfAnyInRange('0', '9') is >= 0 and var digits ? digits : last.Length),
                    System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) ? rows : 0;
            }
            if (_reader.ElementType == typeof(SheetData)) return 0;
        }
        return 0;
    }

    private static List<string> ReadSharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            // A rich-text item has several runs: its text is all of them (§18.4.8).
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement) strings.Add(reader.LoadCurrentElement()!.InnerText);
        }
        return strings;
    }
}
