using System.Diagnostics.CodeAnalysis;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// Reads SDP text line by line (RFC 4566 §5). Each handler returns null or the reason the line is refused,
/// so a bad description is a result with a line number, never an exception.
/// </summary>
internal sealed partial class SdpParser
{
    private bool _sawVersion;
    private MediaBuilder? _currentMedia;

    public static bool TryParse(string text, [NotNullWhen(true)] out SessionDescription? description, out SdpParseError error)
    {
        var parser = new SdpParser();
        var lineNumber = 0;
        var lastContentLine = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            // RFC 4566 §5 wants CRLF, but it also says parsers should accept LF alone; trailing
            // whitespace and blank lines are common from real phones and carry no meaning.
            var line = text.AsSpan()[range].TrimEnd();
            if (line.IsEmpty) continue;
            lastContentLine = lineNumber;
            if (parser.Accept(line) is { } problem)
            {
                description = null;
                error = new(lineNumber, problem);
                return false;
            }
        }
        if (!parser.TryFinish(out description, out var missing))
        {
            error = new(lastContentLine, missing);
            return false;
        }
        error = default;
        return true;
    }

    private string? Accept(ReadOnlySpan<char> line)
    {
        // RFC 4566 §5: <type>=<value>, the type a single lowercase letter, no whitespace around '='.
        if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
        {
            return $"'{Shorten(line)}' is not a <type>=<value> line";
        }
        var type = line[0];
        var value = line[2..].ToString();
        if (!_sawVersion)
        {
            if (type != 'v' || value != "0") return "a session description begins with v=0";
            _sawVersion = true;
            return null;
        }
        if (type == 'm') return StartMedia(value);
        return _currentMedia is null ? AcceptSessionLine(type, value) : _currentMedia.Accept(type, value);
    }

    private string? StartMedia(string value)
    {
        if (_currentMedia is not null) _media.Add(_currentMedia.Build());
        if (!SdpFields.TryParseMediaLine(value, out var builder, out var problem)) return problem;
        _currentMedia = builder;
        return null;
    }

    private bool TryFinish([NotNullWhen(true)] out SessionDescription? description, [NotNullWhen(false)] out string? missing)
    {
        description = null;
        if (!_sawVersion || _origin is null)
        {
            missing = _sawVersion ? "the o= line is missing" : "the description is empty";
            return false;
        }
        missing = null;
        if (_currentMedia is not null) _media.Add(_currentMedia.Build());
        description = BuildSession(_origin);
        return true;
    }

    private static string Shorten(ReadOnlySpan<char> line) => line.Length <= 40 ? line.ToString() : line[..40].ToString() + "…";
}
