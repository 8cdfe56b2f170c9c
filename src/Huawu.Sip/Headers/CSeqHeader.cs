using Huawu.Sip.Messages;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16): the sequence number and method of a transaction.</summary>
public readonly struct CSeqHeader
{
    /// <summary>RFC 3261 §8.1.1.5: the sequence number MUST be less than 2**31.</summary>
    public const uint MaxNumber = int.MaxValue;

    private readonly ReadOnlyMemory<byte> source;
    private readonly ByteRange method;

    internal CSeqHeader(ReadOnlyMemory<byte> source, uint number, KnownMethod known, ByteRange method)
    {
        this.source = source;
        Number = number;
        KnownMethod = known;
        this.method = method;
    }

    public uint Number { get; }

    public KnownMethod KnownMethod { get; }

    public ReadOnlySpan<byte> MethodBytes => method.Of(source.Span);

    internal ByteRange MethodRange => method;

    public SipMethod Method => SipMethod.FromBytes(KnownMethod, MethodBytes);

    /// <summary>Parses "1*DIGIT LWS Method" occupying all of <paramref name="range"/>.</summary>
    internal static bool TryParse(ReadOnlyMemory<byte> source, ByteRange range, out CSeqHeader cseq)
    {
        cseq = default;
        var reader = new SipReader(source.Span, range);
        if (!reader.TryReadNumber(out var number) || number > MaxNumber) return false;
        var beforeWhitespace = reader.Position;
        reader.SkipWhitespace();
        if (reader.Position == beforeWhitespace || !reader.TryReadToken(out var method)) return false;
        reader.SkipWhitespace();
        if (!reader.AtEnd) return false;
        cseq = new CSeqHeader(source, (uint)number, SipMethod.Recognize(method.Of(source.Span)), method);
        return true;
    }

    public override string ToString() => $"{Number} {Method}";
}
