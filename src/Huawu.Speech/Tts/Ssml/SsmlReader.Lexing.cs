using System.Globalization;
using System.Text;

namespace Huawu.Speech.Tts.Ssml;

/// <summary>Tags, attributes, entities and comments: the XML 1.0 pieces the subset needs.</summary>
internal sealed partial class SsmlReader
{
    private readonly record struct Attribute(string Name, string Value, int Position);

    private bool At(string token) => input.AsSpan(_position).StartsWith(token, StringComparison.Ordinal);

    private void SkipWhitespace()
    {
        while (_position < input.Length && char.IsWhiteSpace(input[_position])) _position++;
    }

    private bool SkipComment()
    {
        var end = input.IndexOf("-->", _position + 4, StringComparison.Ordinal);
        if (end < 0) return Fail(_position, "the comment is not closed with -->");
        _position = end + 3;
        return true;
    }

    private bool TryReadStartTag(out string name, out List<Attribute> attributes, out bool selfClosing)
    {
        attributes = [];
        selfClosing = false;
        var tagAt = _position;
        if (_position >= input.Length || input[_position] != '<') return FailName(out name, _position, "expected <speak>");
        _position++;
        if (!TryReadName(out name)) return Fail(_position, "expected an element name after <");
        while (true)
        {
            var hadSpace = _position < input.Length && char.IsWhiteSpace(input[_position]);
            SkipWhitespace();
            if (_position >= input.Length) return Fail(tagAt, $"<{name}> is not closed with >");
            if (input[_position] == '>')
            {
                _position++;
                return true;
            }
            if (At("/>"))
            {
                _position += 2;
                selfClosing = true;
                return true;
            }
            var attributeAt = _position;
            if (!hadSpace || !TryReadName(out var attribute)) return Fail(_position, $"unexpected '{input[_position]}' in <{name}>");
            if (attributes.Exists(a => a.Name == attribute)) return Fail(attributeAt, $"attribute '{attribute}' appears twice");
            if (!TryReadAttributeValue(attribute, out var value)) return false;
            attributes.Add(new Attribute(attribute, value, attributeAt));
        }
    }

    private bool TryReadAttributeValue(string attribute, out string value)
    {
        value = "";
        SkipWhitespace();
        if (_position >= input.Length || input[_position] != '=') return Fail(_position, $"attribute '{attribute}' needs a value: {attribute}=\"…\"");
        _position++;
        SkipWhitespace();
        if (_position >= input.Length || input[_position] is not ('"' or '\'')) return Fail(_position, $"the value of '{attribute}' must be quoted");
        var quote = input[_position++];
        var builder = new StringBuilder();
        while (_position < input.Length && input[_position] != quote)
        {
            if (input[_position] == '<') return Fail(_position, $"'<' inside the value of '{attribute}'");
            if (!ReadCharacter(builder)) return false;
        }
        if (_position >= input.Length) return Fail(input.Length, $"the value of '{attribute}' is not closed with {quote}");
        _position++;
        value = builder.ToString();
        return true;
    }

    private bool TryReadEndTag(out string name)
    {
        _position += 2;
        if (!TryReadName(out name)) return Fail(_position, "expected an element name after </");
        SkipWhitespace();
        if (_position >= input.Length || input[_position] != '>') return Fail(_position, $"</{name} is not closed with >");
        _position++;
        return true;
    }

    private bool TryReadName(out string name)
    {
        var start = _position;
        while (_position < input.Length && (char.IsLetterOrDigit(input[_position]) || input[_position] is '-' or '_' or ':' or '.'))
        {
            _position++;
        }
        name = input[start.._position];
        return name.Length > 0 && !char.IsDigit(name[0]) && name[0] != '-';
    }

    /// <summary>Appends one character of character data, decoding XML 1.0 §4.6 predefined and §4.1 numeric references.</summary>
    private bool ReadCharacter(StringBuilder builder)
    {
        var c = input[_position];
        if (c == '>') return Fail(_position, "'>' outside a tag; write &gt;");
        if (c != '&')
        {
            builder.Append(c);
            _position++;
            return true;
        }
        var end = input.IndexOf(';', _position);
        if (end < 0 || end - _position > 10) return Fail(_position, "'&' starts no entity; write &amp;");
        var entity = input[(_position + 1)..end];
        string? decoded = entity switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => DecodeNumeric(entity),
        };
        if (decoded is null) return Fail(_position, $"unknown entity &{entity};");
        builder.Append(decoded);
        _position = end + 1;
        return true;
    }

    private static string? DecodeNumeric(string entity)
    {
        if (!entity.StartsWith('#')) return null;
        var hex = entity.StartsWith("#x", StringComparison.Ordinal);
        var digits = entity[(hex ? 2 : 1)..];
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        return int.TryParse(digits, style, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF
            ? char.ConvertFromUtf32(code)
            : null;
    }

    private bool FailName(out string name, int position, string reason)
    {
        name = "";
        return Fail(position, reason);
    }
}
