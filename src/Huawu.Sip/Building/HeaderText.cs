using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Building;

/// <summary>
/// A header value to serialize: either bytes copied from a received message (folds become single spaces when
/// written) or text, optionally followed by appended parameters (";tag=…", ";received=…").
/// </summary>
internal readonly struct HeaderText
{
    private readonly ReadOnlyMemory<byte> raw;
    private readonly string? text;
    private readonly string? suffix;

    private HeaderText(ReadOnlyMemory<byte> raw, string? text, string? suffix)
    {
        this.raw = raw;
        this.text = text;
        this.suffix = suffix;
    }

    public static HeaderText FromBytes(ReadOnlyMemory<byte> raw) => new(raw, null, null);

    public static HeaderText FromText(string text) => new(default, text, null);

    public HeaderText Append(string more) => new(raw, text, suffix + more);

    /// <summary>The value as one string (used when a builder edits a value it holds).</summary>
    public override string ToString() =>
        (text ?? FoldedText.ToUnfoldedString(raw.Span)) + suffix;

    public int ByteCount =>
        (text is null ? FoldedText.UnfoldedLength(raw.Span) : Encoding.UTF8.GetByteCount(text))
        + (suffix is null ? 0 : Encoding.UTF8.GetByteCount(suffix));

    public int WriteTo(Span<byte> destination)
    {
        var written = text is null ? FoldedText.Unfold(raw.Span, destination) : Encoding.UTF8.GetBytes(text, destination);
        return suffix is null ? written : written + Encoding.UTF8.GetBytes(suffix, destination[written..]);
    }
}
