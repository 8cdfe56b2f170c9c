using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Validation;

/// <summary>
/// Whether a request may be processed, and if not, the final response that answers it: status, reason and
/// the headers that status requires (Unsupported for 420, Allow for 405, Accept for 415…).
/// </summary>
public sealed class RequestVerdict
{
    private RequestVerdict(int statusCode, string reasonPhrase, IReadOnlyList<KeyValuePair<HeaderId, string>> headers)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
    }

    public static RequestVerdict Accepted { get; } = new(0, "", []);

    public bool IsAccepted => StatusCode == 0;

    /// <summary>The status to answer with; 0 when accepted.</summary>
    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    /// <summary>Headers the rejection must carry.</summary>
    public IReadOnlyList<KeyValuePair<HeaderId, string>> Headers { get; }

    public static RequestVerdict Reject(int statusCode, string? reasonPhrase = null, params KeyValuePair<HeaderId, string>[] headers) =>
        new(statusCode, reasonPhrase ?? SipStatusCodes.GetReasonPhrase(statusCode), headers);

    /// <summary>The rejection as a response to <paramref name="request"/> (RFC 3261 §8.2.6).</summary>
    public SipMessageBuilder CreateResponse(SipMessage request, string? toTag = null)
    {
        if (IsAccepted) throw new InvalidOperationException("An accepted request is answered by the application, not the validator.");
        var response = SipMessageBuilder.CreateResponse(request, StatusCode, ReasonPhrase, toTag);
        foreach (var (id, value) in Headers) response.AddHeader(id, value);
        return response;
    }

    public override string ToString() => IsAccepted ? "accept" : $"{StatusCode} {ReasonPhrase}";
}
