using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Transactions;

/// <summary>
/// The ACK an INVITE client transaction sends for a 300–699 response (RFC 3261 §17.1.1.3): the INVITE's
/// Request-URI, top Via, Route, From, Call-ID and CSeq number, and the response's To (with its tag).
/// </summary>
internal static class FailureAck
{
    public static byte[] Build(SipMessage invite, SipMessage response)
    {
        var ack = SipMessageBuilder.CreateRequest(SipMethod.Ack, invite.RequestUri);
        ack.AddHeader(HeaderId.Via, invite.TopVia.RawMemory);
        ack.CopyHeaders(invite, HeaderId.Route);
        ack.AddMaxForwards();
        ack.AddHeader(HeaderId.From, invite.From.RawMemory);
        ack.AddHeader(HeaderId.To, response.To.RawMemory);
        ack.AddHeader(HeaderId.CallId, invite.CallId);
        ack.AddCSeq(invite.CSeq.Number, SipMethod.Ack);
        return ack.ToArray();
    }
}
