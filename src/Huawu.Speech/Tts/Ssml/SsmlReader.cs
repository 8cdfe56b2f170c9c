using System.Diagnostics.CodeAnalysis;
using Huawu.Speech.Tts.Text;

namespace Huawu.Speech.Tts.Ssml;

/// <summary>
/// A single pass over the markup: an optional XML declaration, one <c>&lt;speak&gt;</c> root, and inside it text,
/// comments, <c>&lt;break&gt;</c> and <c>&lt;say-as&gt;</c>. Whitespace runs collapse to one space (SSML 1.1 §2.1
/// treats markup text as XML character data, where layout whitespace carries no meaning).
/// </summary>
internal sealed partial class SsmlReader(string input)
{
    private readonly List<SpeechPart> _parts = [];
    private readonly System.Text.StringBuilder _text = new();
    private int _position;
    private SsmlError? _error;
    private string? _language;

    public bool TryRead([NotNullWhen(true)] out SpeechText? text, [NotNullWhen(false)] out SsmlError? error)
    {
        text = null;
        if (ReadDocument())
        {
            text = new SpeechText(_parts, _language);
            error = null;
            return true;
        }
        error = _error!;
        return false;
    }

    private bool ReadDocument()
    {
        SkipWhitespace();
        if (At("<?xml"))
        {
            var end = input.IndexOf("?>", _position, StringComparison.Ordinal);
            if (end < 0) return Fail(_position, "the XML declaration is not closed with ?>");
            _position = end + 2;
            SkipWhitespace();
        }
        var start = _position;
        if (!TryReadStartTag(out var name, out var attributes, out var selfClosing)) return false;
        if (name != "speak") return Fail(start, $"the root element must be <speak>, not <{name}>");
        foreach (var (attribute, value, at) in attributes)
        {
            if (attribute == "xml:lang") _language = value;
            else if (attribute is not ("version" or "xmlns") && !attribute.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                return Fail(at, $"<speak> has no attribute '{attribute}' here (version, xml:lang, xmlns)");
            }
        }
        if (!selfClosing && !ReadSpeakContent()) return false;
        SkipWhitespace();
        return _position == input.Length || Fail(_position, "text after </speak>");
    }

    private bool ReadSpeakContent()
    {
        while (_position < input.Length)
        {
            if (At("</"))
            {
                var closeAt = _position;
                if (!TryReadEndTag(out var closing)) return false;
                if (closing != "speak") return Fail(closeAt, $"</{closing}> closes nothing open; <speak> is open");
                FlushText();
                return true;
            }
            if (At("<!--"))
            {
                if (!SkipComment()) return false;
                continue;
            }
            if (input[_position] == '<')
            {
                if (!ReadElement()) return false;
                continue;
            }
            if (!ReadCharacter(_text)) return false;
        }
        return Fail(input.Length, "<speak> is not closed: </speak> is missing");
    }

    private bool ReadElement()
    {
        var start = _position;
        if (!TryReadStartTag(out var name, out var attributes, out var selfClosing)) return false;
        switch (name)
        {
            case "break":
                if (!TryReadBreak(attributes, out var pause)) return false;
                if (!selfClosing && !ReadEmptyContent("break")) return false;
                FlushText();
                _parts.Add(new SpeechPart.Break(pause));
                return true;
            case "say-as":
                if (!TryReadSayAsKind(start, attributes, out var kind)) return false;
                if (selfClosing) return Fail(start, "<say-as/> is empty: put the value between <say-as> and </say-as>");
                var valueAt = _position;
                if (!ReadTextOnly("say-as", out var value)) return false;
                if (value.Length == 0) return Fail(valueAt, "<say-as> is empty: put the value between <say-as> and </say-as>");
                FlushText();
                _parts.Add(new SpeechPart.SayAs(kind, value));
                return true;
            default:
                return Fail(start, $"<{name}> is not supported (only <speak>, <break> and <say-as>)");
        }
    }

    /// <summary>Reads character data up to <c>&lt;/name&gt;</c>: no child elements.</summary>
    private bool ReadTextOnly(string name, out string value)
    {
        var builder = new System.Text.StringBuilder();
        value = "";
        while (_position < input.Length)
        {
            if (At("</"))
            {
                var closeAt = _position;
                if (!TryReadEndTag(out var closing)) return false;
                if (closing != name) return Fail(closeAt, $"</{closing}> found where </{name}> was expected");
                value = Whitespace.Collapse(builder.ToString(), keepLineBreaks: false).Trim();
                return true;
            }
            if (input[_position] == '<') return Fail(_position, $"<{name}> holds text only, no elements");
            if (!ReadCharacter(builder)) return false;
        }
        return Fail(input.Length, $"<{name}> is not closed: </{name}> is missing");
    }

    private bool ReadEmptyContent(string name)
    {
        SkipWhitespace();
        var closeAt = _position;
        if (!At("</")) return Fail(_position, $"<{name}> holds nothing: write <{name}/>");
        if (!TryReadEndTag(out var closing)) return false;
        return closing == name || Fail(closeAt, $"</{closing}> found where </{name}> was expected");
    }

    private void FlushText()
    {
        var text = Whitespace.Collapse(_text.ToString(), keepLineBreaks: false).Trim();
        _text.Clear();
        if (text.Length > 0) _parts.Add(new SpeechPart.Text(text));
    }

    private bool Fail(int position, string reason)
    {
        _error ??= new SsmlError(position, reason);
        return false;
    }
}
