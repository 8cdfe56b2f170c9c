using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Transactions;

/// <summary>
/// The two requests built from an INVITE hop by hop, sharing its branch: the ACK for a 300–699 response (RFC 3261
/// §17.1.1.3) and the CANCEL (§9.1). Both copy its Request-URI, top Via alone, Route, From, Call-ID and CSeq number.
/// </summary>
internal static class InviteCompanions
{
    /// <summary>The ACK for a failure: the To of the response (with its tag).</summary>
    public static byte[] FailureAck(SipMessage invite, SipMessage response) =>
        Build(SipMethod.Ack, invite, response.To.RawMemory).ToArray();

    /// <summary>The CANCEL: the To of the INVITE.</summary>
    public static SipMessage Cancel(SipMessage invite) =>
        Build(SipMethod.Cancel, invite, invite.To.RawMemory).Build();

    private static SipMessageBuilder Build(SipMethod method, SipMessage invite, ReadOnlyMemory<byte> to)
    {
        var request = SipMessageBuilder.CreateRequest(method, invite.RequestUri);
        request.AddHeader(HeaderId.Via, invite.TopVia.RawMemory);
        request.CopyHeaders(invite, HeaderId.Route);
        request.AddMaxForwards();
        request.AddHeader(HeaderId.From, invite.From.RawMemory);
        request.AddHeader(HeaderId.To, to);
        request.AddHeader(HeaderId.CallId, invite.CallId);
        request.AddCSeq(invite.CSeq.Number, method);
        return request;
    }
}
