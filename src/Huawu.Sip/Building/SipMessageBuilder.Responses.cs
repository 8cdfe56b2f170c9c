using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Building;

// Responses built from the request they answer (RFC 3261 §8.2.6).
public sealed partial class SipMessageBuilder
{
    /// <summary>
    /// A response to <paramref name="request"/>: its Via values in order, From, To, Call-ID and CSeq copied
    /// verbatim (RFC 3261 §8.2.6.2), the To tag added unless the request's To already has one or this is a 100,
    /// and Timestamp echoed in a 100 (§8.2.6.1). Works on the partial message of a parse error as well, so a
    /// 400 can be sent for a malformed request.
    /// </summary>
    public static SipMessageBuilder CreateResponse(SipMessage request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest) throw new ArgumentException("Only a request can be answered.", nameof(request));
        if (toTag is not null) SipText.EnsureToken(toTag, nameof(toTag));

        var response = new SipMessageBuilder(statusCode, reasonPhrase);
        // One line per Via value, so the server transport can append received/rport to the top one (§18.2.1).
        foreach (var via in request.GetValues(HeaderId.Via))
        {
            response.headers.Add(new BuiltHeader(HeaderId.Via, null, HeaderText.FromBytes(via)));
        }
        response.CopyFirst(request, HeaderId.From);
        response.CopyFirst(request, HeaderId.To);
        response.CopyFirst(request, HeaderId.CallId);
        response.CopyFirst(request, HeaderId.CSeq);
        if (statusCode == 100) response.CopyFirst(request, HeaderId.Timestamp);

        if (toTag is not null && statusCode > 100 && request.TryGetHeader(HeaderId.To, out var to)
            && NameAddress.TryParse(to.ValueMemory, out var toAddress) && !toAddress.HasTag)
        {
            response.AppendParameter(HeaderId.To, "tag", toTag);
        }
        return response;
    }

    /// <summary>Copies every line of a header from a received message, verbatim.</summary>
    public SipMessageBuilder CopyHeaders(SipMessage source, HeaderId id)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var header in source.Headers)
        {
            if (header.Id == id) Insert(headers.Count, id, null, HeaderText.FromBytes(header.ValueMemory));
        }
        return this;
    }

    private void CopyFirst(SipMessage source, HeaderId id)
    {
        if (source.TryGetHeader(id, out var header)) headers.Add(new BuiltHeader(id, null, HeaderText.FromBytes(header.ValueMemory)));
    }
}
