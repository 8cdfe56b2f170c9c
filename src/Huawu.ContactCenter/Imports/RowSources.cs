namespace Huawu.ContactCenter.Imports;

/// <summary>Opens an import file by its extension: <c>.xlsx</c> as a workbook (its first sheet), anything else as delimited text.</summary>
public static class RowSources
{
    public static IRowSource? Open(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        error = null;
        if (!File.Exists(path))
        {
            error = $"{path}: no such file";
            return null;
        }
        try
        {
            return Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? XlsxRowSource.Open(path, out error)
                : CsvRowSource.Open(path, out error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
                                      or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            error = $"{path}: cannot be read: {e.Message}";
            return null;
        }
    }
}
