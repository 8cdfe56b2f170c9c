using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Transport;

/// <summary>
/// How the responses to one received request leave: the route of RFC 3261 §18.2.2, and the top Via stamped with
/// received/rport (§18.2.1, RFC 3581) that every response must carry in place of the request's own.
/// </summary>
internal readonly record struct ResponseTarget(OutboundRoute Route, string? StampedTopVia)
{
    public static ResponseTarget For(in ReceivedMessage received, SipMessage request, bool forceRport)
    {
        var topVia = request.TopVia;
        var route = ResponseRouting.Route(received.Transport, received.Source, received.Connection, topVia, forceRport);
        return new ResponseTarget(route, ViaStamp.Stamp(topVia, received.Source, forceRport));
    }

    /// <summary>Serializes a response built from the request, with the stamped top Via in place.</summary>
    public byte[] Serialize(SipMessageBuilder response)
    {
        if (StampedTopVia is not null) response.SetFirst(HeaderId.Via, StampedTopVia);
        return response.ToArray();
    }

    public void Send(ReadOnlyMemory<byte> response, ISendFailureHandler? onFailure) => Route.Send(response, onFailure);
}
