using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Huawu.ContactCenter.Imports;

/// <summary>
/// A cell's value as the text a person sees for what imports care about: shared and inline strings as written, numbers without
/// a float's artefacts (13812345678, not 1.3812345678E+10 — phone numbers are often stored as numbers), dates as ISO dates.
/// </summary>
internal sealed class XlsxCellText
{
    // ECMA-376 Part 1 §18.8.30: built-in number formats 14-22 and 45-47 are dates and times.
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

    private readonly HashSet<uint> _dateStyles;

    private XlsxCellText(HashSet<uint> dateStyles) => _dateStyles = dateStyles;

    public static XlsxCellText For(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var customDates = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var dateStyles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && (BuiltInDateFormats.Contains(id) || customDates.Contains(id))) dateStyles.Add(index);
            index++;
        }
        return new XlsxCellText(dateStyles);
    }

    public string? TextOf(Cell cell, IReadOnlyList<string> sharedStrings)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count ? sharedStrings[i] : null;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw;
        if (type is null || type == CellValues.Number) return raw is null ? null : Number(raw, cell.StyleIndex?.Value ?? 0);
        return raw; // str (a formula's text), e (an error)
    }

    /// <summary>The 0-based column of a reference such as <c>AB12</c>.</summary>
    public static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column - 1;
    }

    private string Number(string raw, uint style)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return raw;
        if (_dateStyles.Contains(style) && value is >= 1 and < 2958466)
        {
            var date = DateTime.FromOADate(value);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        // Whole numbers up to 2^53 are exact in a double: print every digit (E.164 numbers have at most 15).
        return value == Math.Floor(value) && Math.Abs(value) < 9_007_199_254_740_992d
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    // A custom format is a date if it has date or time codes outside quoted text and [colour] brackets.
    private static bool IsDateFormat(string? code)
    {
        if (code is null) return false;
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracket = true;
            else if (!quoted && c == ']') bracket = false;
            else if (!quoted && !bracket && char.ToLowerInvariant(c) is 'y' or 'd' or 'm' or 'h' or 's') return true;
        }
        return false;
    }
}
