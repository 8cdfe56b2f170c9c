using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Huawu.ContactCenter.Imports;

/// <summary>
/// Delimited text read a record at a time with CsvHelper (RFC 4180 quoting; the delimiter — comma, semicolon or tab — detected
/// from the file). Lines are the file's own line numbers, counting the header as line 1.
/// </summary>
internal sealed class CsvRowSource : IRowSource
{
    private readonly FileStream _file;
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private string? _malformed;

    private CsvRowSource(FileStream file)
    {
        _file = file;
        _reader = new StreamReader(file, TextEncodings.Detect(file), detectEncodingFromByteOrderMarks: true);
        _parser = new CsvParser(_reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t", "|"],
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            // A stray quote makes that row bad, not the import: it is reported with its line and the rest go on.
            BadDataFound = args => _malformed ??= "malformed quoting (引号不配对)",
        });
    }

    public IReadOnlyList<string> Headers { get; private set; } = [];

    public double? Progress => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

    public static CsvRowSource? Open(string path, out string? error)
    {
        var source = new CsvRowSource(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
        if (!source._parser.Read())
        {
            source.Dispose();
            error = $"{path}: empty (no header row)";
            return null;
        }
        source.Headers = source._parser.Record ?? [];
        source._malformed = null;
        error = null;
        return source;
    }

    public bool TryRead(out SourceRow row)
    {
        _malformed = null;
        if (!_parser.Read())
        {
            row = null!;
            return false;
        }
        // RawRow is the line the record ends on; a quoted field may span lines, so count back to where it started.
        var raw = _parser.RawRecord.AsSpan().TrimEnd("\r\n");
        var line = (int)_parser.RawRow - raw.Count('\n');
        row = new SourceRow(line, _parser.Record ?? [], _malformed);
        return true;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
        _file.Dispose();
    }
}
