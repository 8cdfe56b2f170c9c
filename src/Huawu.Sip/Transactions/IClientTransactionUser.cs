using Huawu.Sip.Messages;

namespace Huawu.Sip.Transactions;

/// <summary>The transaction user of a client transaction: whoever sent the request (RFC 3261 §17.1).</summary>
internal interface IClientTransactionUser
{
    /// <summary>A provisional or final response, and for an INVITE every further 2xx while Accepted (RFC 6026).</summary>
    void OnResponse(ClientTransaction transaction, SipMessage response);

    /// <summary>No final response: Timer B or F fired (a 408 to the TU), or the transport failed (a 503, §8.1.3.1).</summary>
    void OnFailure(ClientTransaction transaction, ClientFailure failure);
}

internal enum ClientFailure
{
    Timeout,
    TransportError,
}
