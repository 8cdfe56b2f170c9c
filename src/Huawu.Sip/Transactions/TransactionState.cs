namespace Huawu.Sip.Transactions;

/// <summary>The states of the four transaction machines of RFC 3261 §17 with RFC 6026's Accepted.</summary>
internal enum TransactionState
{
    /// <summary>Client INVITE: the request is out, nothing heard yet.</summary>
    Calling,

    /// <summary>Non-INVITE (client and server): nothing final yet, no provisional either.</summary>
    Trying,

    Proceeding,

    /// <summary>A failure (or a non-INVITE final) was sent or received; retransmissions are absorbed.</summary>
    Completed,

    /// <summary>Server INVITE: the ACK for its failure arrived.</summary>
    Confirmed,

    /// <summary>RFC 6026: an INVITE got a 2xx; 2xx retransmissions and ACKs belong to the dialog layer.</summary>
    Accepted,

    Terminated,
}
