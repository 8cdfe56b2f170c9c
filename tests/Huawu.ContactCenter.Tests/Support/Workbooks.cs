using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Huawu.ContactCenter.Tests.Support;

/// <summary>
/// Writes small .xlsx files the way Excel does for what imports meet: text in the shared-string table, numbers as numbers,
/// a date with a date style, empty cells left out (later cells say their column), a dimension element.
/// </summary>
internal static class Workbooks
{
    public static void Write(string path, IReadOnlyList<object?[]> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        // Style 0: general; style 1: built-in format 14 (a date).
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var strings = new List<string>();
        var sheetData = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is not { } value) continue;
                var cell = new Cell { CellReference = $"{(char)('A' + c)}{r + 1}" };
                switch (value)
                {
                    case string text:
                        if (!strings.Contains(text)) strings.Add(text);
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue(strings.IndexOf(text).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case DateTime date:
                        cell.StyleIndex = 1;
                        cell.CellValue = new CellValue(date.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case double or long or int:
                        cell.CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                        break;
                }
                row.Append(cell);
            }
            sheetData.Append(row);
        }
        var sheet = workbook.AddNewPart<WorksheetPart>();
        sheet.Worksheet = new Worksheet(new SheetDimension { Reference = $"A1:F{rows.Count}" }, sheetData);
        var table = workbook.AddNewPart<SharedStringTablePart>();
        table.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "联系人" }));
    }
}
