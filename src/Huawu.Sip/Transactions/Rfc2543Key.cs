using System.Globalization;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.3 for requests from RFC 2543 elements (no magic cookie): a request matches a transaction when
/// its Request-URI, From tag, Call-ID, CSeq number and top Via match those of the request that created it, and for
/// non-INVITE methods the To tag too (an ACK carries the tag of the response instead). Rare, so it may allocate.
/// </summary>
internal static class Rfc2543Key
{
    public static ReadOnlyMemory<byte> Of(SipMessage request)
    {
        var toTag = request.Method.Known is KnownMethod.Invite or KnownMethod.Ack or KnownMethod.Cancel ? default : request.To.TagBytes;
        using var key = new MemoryStream();
        Append(key, request.RequestUri.RawBytes);
        Append(key, request.From.TagBytes);
        Append(key, request.CallIdBytes);
        Append(key, System.Text.Encoding.ASCII.GetBytes(request.CSeq.Number.ToString(CultureInfo.InvariantCulture)));
        Append(key, request.TopVia.RawBytes);
        Append(key, toTag);
        return key.ToArray();
    }

    private static void Append(MemoryStream key, ReadOnlySpan<byte> part)
    {
        key.Write(part);
        // A separator that cannot occur in any of the parts keeps "ab"+"c" apart from "a"+"bc".
        key.WriteByte(0);
    }
}
