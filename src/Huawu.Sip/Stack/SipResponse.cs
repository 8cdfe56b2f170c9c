using Huawu.Sip.Dialogs;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Stack;

/// <summary>Where a response came from: the network, or the stack standing in for one that never came.</summary>
public enum SipResponseSource
{
    /// <summary>Received from the network.</summary>
    Received,

    /// <summary>No final response in time (Timer B or F): a 408 (RFC 3261 §8.1.3.1).</summary>
    Timeout,

    /// <summary>The request could not be sent or delivered, or its destination not resolved: a 503 (§8.1.3.1).</summary>
    TransportError,

    /// <summary>
    /// The request was refused before it was sent: a re-INVITE while another INVITE of the dialog is in progress (a
    /// local 491, §14.1), or a request in a dialog that is over (a local 481).
    /// </summary>
    Refused,
}

/// <summary>
/// One response to a request this side sent: received, or synthesized for a timeout or transport failure so the
/// caller handles every outcome as a status code.
/// </summary>
public sealed class SipResponse
{
    internal SipResponse(SipMessage message, SipDialog? dialog)
    {
        Message = message;
        StatusCode = message.StatusCode;
        ReasonPhrase = message.ReasonPhrase;
        Source = SipResponseSource.Received;
        Dialog = dialog;
    }

    internal SipResponse(SipResponseSource source, int statusCode)
    {
        Source = source;
        StatusCode = statusCode;
        ReasonPhrase = SipStatusCodes.GetReasonPhrase(statusCode);
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public SipResponseSource Source { get; }

    /// <summary>The response as received; null when the stack synthesized it.</summary>
    public SipMessage? Message { get; }

    /// <summary>For an INVITE: the early (1xx with To tag) or confirmed (2xx) dialog this response belongs to.</summary>
    public SipDialog? Dialog { get; }

    public bool IsProvisional => StatusCode < 200;

    public bool IsFinal => StatusCode >= 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public override string ToString() => $"{StatusCode} {ReasonPhrase} ({Source})";
}
