using Huawu.Sip.Messages;

namespace Huawu.Sip.Transactions;

/// <summary>
/// RFC 3261 §8.2.2.2: From tag, Call-ID and CSeq of a request without a To tag. A second request with the same
/// values but another transaction key is the same request arriving by another path (a merged request).
/// </summary>
internal readonly struct MergeKey : IEquatable<MergeKey>
{
    private readonly ReadOnlyMemory<byte> fromTag;
    private readonly ReadOnlyMemory<byte> callId;
    private readonly uint sequence;
    private readonly KnownMethod method;
    private readonly int hash;

    private MergeKey(ReadOnlyMemory<byte> fromTag, ReadOnlyMemory<byte> callId, uint sequence, KnownMethod method)
    {
        this.fromTag = fromTag;
        this.callId = callId;
        this.sequence = sequence;
        this.method = method;
        var hashCode = default(HashCode);
        KeyBytes.Add(ref hashCode, callId.Span, ignoreCase: false);
        hashCode.Add(sequence);
        hash = hashCode.ToHashCode();
    }

    public static MergeKey Of(SipMessage request)
    {
        var from = request.From;
        var buffer = request.Buffer;
        return new MergeKey(KeyBytes.SliceOf(buffer, from.TagBytes), KeyBytes.SliceOf(buffer, request.CallIdBytes), request.CSeq.Number, request.CSeq.KnownMethod);
    }

    public bool Equals(MergeKey other) =>
        hash == other.hash && sequence == other.sequence && method == other.method
        // §20.8: Call-IDs compare byte by byte; tags, like other parameter values, ignoring case (§7.3.1).
        && KeyBytes.Equal(callId.Span, other.callId.Span, ignoreCase: false)
        && KeyBytes.Equal(fromTag.Span, other.fromTag.Span, ignoreCase: true);

    public override bool Equals(object? obj) => obj is MergeKey other && Equals(other);

    public override int GetHashCode() => hash;
}
