using System.Text;
using Huawu.Sip.Messages;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Dialogs;

/// <summary>
/// The dialog ID of RFC 3261 §12: Call-ID, local tag and remote tag. A stored key owns its bytes; a probe made from
/// a received message refers into it. Call-IDs compare byte by byte (§20.8), tags ignoring case (§7.3.1).
/// </summary>
internal readonly struct DialogKey : IEquatable<DialogKey>
{
    private readonly ReadOnlyMemory<byte> callId;
    private readonly ReadOnlyMemory<byte> localTag;
    private readonly ReadOnlyMemory<byte> remoteTag;
    private readonly int hash;

    private DialogKey(ReadOnlyMemory<byte> callId, ReadOnlyMemory<byte> localTag, ReadOnlyMemory<byte> remoteTag)
    {
        this.callId = callId;
        this.localTag = localTag;
        this.remoteTag = remoteTag;
        var hashCode = default(HashCode);
        KeyBytes.Add(ref hashCode, callId.Span, ignoreCase: false);
        KeyBytes.Add(ref hashCode, localTag.Span, ignoreCase: true);
        hash = hashCode.ToHashCode();
    }

    public static DialogKey Of(string callId, string localTag, string remoteTag) =>
        new(Encoding.UTF8.GetBytes(callId), Encoding.UTF8.GetBytes(localTag), Encoding.UTF8.GetBytes(remoteTag));

    /// <summary>For a request received by the UAS side of a dialog: the To tag is ours (§12.2.2).</summary>
    public static DialogKey ForReceivedRequest(SipMessage request) => Slice(request, request.To.TagBytes, request.From.TagBytes);

    /// <summary>For a response received by the UAC side: the From tag is ours (§12.1.2).</summary>
    public static DialogKey ForReceivedResponse(SipMessage response) => Slice(response, response.From.TagBytes, response.To.TagBytes);

    public bool Equals(DialogKey other) =>
        hash == other.hash
        && KeyBytes.Equal(callId.Span, other.callId.Span, ignoreCase: false)
        && KeyBytes.Equal(localTag.Span, other.localTag.Span, ignoreCase: true)
        && KeyBytes.Equal(remoteTag.Span, other.remoteTag.Span, ignoreCase: true);

    public override bool Equals(object? obj) => obj is DialogKey other && Equals(other);

    public override int GetHashCode() => hash;

    private static DialogKey Slice(SipMessage message, ReadOnlySpan<byte> localTag, ReadOnlySpan<byte> remoteTag)
    {
        var buffer = message.Buffer;
        return new(KeyBytes.SliceOf(buffer, message.CallIdBytes), KeyBytes.SliceOf(buffer, localTag), KeyBytes.SliceOf(buffer, remoteTag));
    }
}
