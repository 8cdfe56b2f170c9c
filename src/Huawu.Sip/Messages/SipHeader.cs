using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Messages;

/// <summary>One header line of a message as written: its name and its whole value, folds included.</summary>
public readonly struct SipHeader
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly HeaderField headerField;

    internal SipHeader(ReadOnlyMemory<byte> source, HeaderField headerField)
    {
        this.source = source;
        this.headerField = headerField;
    }

    public HeaderId Id => headerField.Id;

    /// <summary>The name as written: compact, odd case and all ("v", "ViA").</summary>
    public ReadOnlySpan<byte> NameBytes => headerField.Name.Of(source.Span);

    /// <summary>The canonical name for a known header ("Via" for "v"), the written name otherwise.</summary>
    public string Name => Id == HeaderId.Unknown ? Encoding.UTF8.GetString(NameBytes) : HeaderNames.GetName(Id);

    /// <summary>The value without surrounding white space; folded lines keep their CRLF.</summary>
    public ReadOnlySpan<byte> ValueBytes => headerField.Value.Of(source.Span);

    public ReadOnlyMemory<byte> ValueMemory => headerField.Value.Of(source);

    /// <summary>The value as text, each fold replaced by one space (RFC 3261 §7.3.1).</summary>
    public string Value => FoldedText.ToUnfoldedString(ValueBytes);

    public override string ToString() => $"{Name}: {Value}";
}
