namespace Huawu.Sip.Parsing;

/// <summary>
/// A range of bytes inside a message buffer. Parsed views keep ranges rather than copies so that a
/// message is located, not materialized (Kamailio/reSIProcate style). The default value is "absent".
/// </summary>
internal readonly record struct ByteRange(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static ByteRange FromBounds(int start, int end) => new(start, end - start);

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> source) => source.Slice(Start, Length);

    public ReadOnlyMemory<byte> Of(ReadOnlyMemory<byte> source) => source.Slice(Start, Length);
}
