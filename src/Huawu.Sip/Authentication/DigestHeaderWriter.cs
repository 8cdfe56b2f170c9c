using System.Text;

namespace Huawu.Sip.Authentication;

/// <summary>
/// Writes a <c>Digest</c> challenge or credentials value: parameters separated by ", ", quoted strings
/// escaped with quoted-pairs for '"' and '\' (RFC 3261 §25.1).
/// </summary>
internal sealed class DigestHeaderWriter
{
    private readonly StringBuilder _text = new(DigestTokens.Scheme + " ", 256);
    private bool _hasParameter;

    public DigestHeaderWriter Quoted(string name, string value)
    {
        StartParameter(name).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') _text.Append('\\');
            _text.Append(c);
        }
        _text.Append('"');
        return this;
    }

    public DigestHeaderWriter Token(string name, string value)
    {
        StartParameter(name).Append(value);
        return this;
    }

    public override string ToString() => _text.ToString();

    private StringBuilder StartParameter(string name)
    {
        if (_hasParameter) _text.Append(", ");
        _hasParameter = true;
        return _text.Append(name).Append('=');
    }
}
