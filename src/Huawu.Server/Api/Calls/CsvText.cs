using System.Globalization;
using System.Text;

namespace Huawu.Server.Api.Calls;

/// <summary>
/// CSV fields (RFC 4180 §2: quoted when they hold a comma, quote or line break; quotes doubled), defused against
/// formula injection: a field a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe
/// (OWASP "CSV injection").
/// </summary>
internal static class CsvText
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Field(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A duration in seconds, to the millisecond (<c>63.5</c>).</summary>
    public static string Field(TimeSpan? value) => value?.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    public static string Field(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) ?? "";

    public static string Line(params string[] fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) line.Append(',');
            line.Append(fields[i]);
        }
        return line.Append("\r\n").ToString();
    }
}
