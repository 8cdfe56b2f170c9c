using Huawu.Sip.Building;
using Huawu.Sip.Messages;

namespace Huawu.Telephony.Trunks;

/// <summary>
/// The one thing the trunk engines need from the SIP stack: send an out-of-dialog request (REGISTER, OPTIONS) as a
/// new client transaction and learn how it ended.
/// <para>
/// The request arrives with its Request-URI, To, From, Call-ID, CSeq, Max-Forwards, Contact and method headers,
/// and without a Via: the stack adds the Via (transport, sent-by, a fresh branch), sends the request to the
/// destination the Request-URI names (RFC 3261 §8.1.2; its <c>transport</c> parameter picks TCP) and runs the
/// client transaction (§17.1). Provisional responses are not reported. Failures of the network are outcomes,
/// never exceptions.
/// </para>
/// </summary>
public interface ISipRequestSender
{
    Task<SipRequestOutcome> SendAsync(SipMessageBuilder request, CancellationToken cancellationToken);
}

public enum SipRequestOutcomeKind
{
    /// <summary>A final response arrived (any status: even a 4xx proves the peer is there).</summary>
    Response,

    /// <summary>No final response before the transaction timed out (Timer F, RFC 3261 §17.1.2.2).</summary>
    Timeout,

    /// <summary>The transport failed: ICMP unreachable, connection refused or broken (§8.1.3.1).</summary>
    TransportError,
}

/// <summary>How a client transaction ended: with a final response, or without one.</summary>
public readonly record struct SipRequestOutcome(SipRequestOutcomeKind Kind, SipMessage? Response)
{
    public static SipRequestOutcome TimedOut { get; } = new(SipRequestOutcomeKind.Timeout, null);

    public static SipRequestOutcome TransportFailed { get; } = new(SipRequestOutcomeKind.TransportError, null);

    public static SipRequestOutcome Answered(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsResponse || response.StatusCode < 200) throw new ArgumentException("Only a final response ends a transaction.", nameof(response));
        return new(SipRequestOutcomeKind.Response, response);
    }

    /// <summary>The final status, or null when no response came.</summary>
    public int? StatusCode => Response?.StatusCode;

    public override string ToString() => Response is { } response ? $"{response.StatusCode} {response.ReasonPhrase}" : Kind.ToString();
}
