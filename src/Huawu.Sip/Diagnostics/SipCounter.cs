namespace Huawu.Sip.Diagnostics;

/// <summary>What the stack counts: traffic, and every message it dropped or rejected, by reason.</summary>
public enum SipCounter
{
    /// <summary>Messages (requests and responses) read from any transport.</summary>
    MessagesReceived,

    /// <summary>Messages written to any transport, retransmissions included.</summary>
    MessagesSent,

    /// <summary>Request retransmissions a server transaction absorbed (RFC 3261 §17.2).</summary>
    RetransmissionsAbsorbed,

    /// <summary>Malformed requests answered 400 statelessly (RFC 3261 §21.4.1, RFC 4475 §3.1.2).</summary>
    MalformedRequestsAnswered,

    /// <summary>Malformed requests too broken to answer, dropped.</summary>
    MalformedRequestsDropped,

    /// <summary>Malformed responses, dropped (RFC 3261 §16.7, RFC 4475 §3.1.2.19).</summary>
    MalformedResponsesDropped,

    /// <summary>Requests with a SIP version other than 2.0, answered 505 (RFC 3261 §21.5.6).</summary>
    BadVersionRejected,

    /// <summary>Requests the UAS core rejected by RFC 3261 §8.2 (405, 501, 416, 420, 415, 406, 400…).</summary>
    RequestsRejected,

    /// <summary>New requests refused with 503 and Retry-After because the transaction table was full.</summary>
    OverloadRejected,

    /// <summary>Merged requests answered 482 (RFC 3261 §8.2.2.2).</summary>
    LoopsDetected,

    /// <summary>Requests for no dialog or transaction, answered 481 (RFC 3261 §12.2.2, §9.2).</summary>
    NoDialogRejected,

    /// <summary>In-dialog requests with a CSeq lower than the last one, answered 500 (RFC 3261 §12.2.2).</summary>
    OutOfOrderRejected,

    /// <summary>Re-INVITEs that met one in progress, answered 491 or 500 (RFC 3261 §14.2).</summary>
    GlareRejected,

    /// <summary>Responses matching no client transaction, dropped (RFC 3261 §18.1.2).</summary>
    StrayResponsesDropped,

    /// <summary>ACKs matching no transaction or dialog, dropped.</summary>
    StrayAcksDropped,

    /// <summary>Messages that could not be sent, or connections that could not be opened.</summary>
    TransportErrors,

    /// <summary>Stream connections refused because the connection table was full.</summary>
    ConnectionsRefused,

    /// <summary>Stream connections closed because a message did not complete in time (slowloris).</summary>
    ConnectionsClosedSlow,

    /// <summary>Stream connections closed because a message exceeded the header or body limit, or could not be framed.</summary>
    ConnectionsClosedMalformed,

    /// <summary>Stream connections closed after staying idle past the idle timeout.</summary>
    ConnectionsClosedIdle,

    /// <summary>CRLF keep-alive pings answered with a pong (RFC 5626 §3.5.1).</summary>
    KeepAlivesAnswered,

    /// <summary>Client transactions that ended without a final response (Timer B or F, RFC 3261 §17.1).</summary>
    TransactionTimeouts,

    /// <summary>
    /// INVITE responses never acknowledged within 64·T1: a failure (Timer H, RFC 3261 §17.2.1) or a 2xx
    /// (§13.3.1.4, after which the TU ends the dialog with BYE).
    /// </summary>
    AckTimeouts,
}
