namespace Huawu.Sip.Transport;

/// <summary>
/// Told when a message could not be sent, or when the connection it went over broke while an answer was still
/// awaited: RFC 3261 §8.1.3.1 makes either a 503 for the transaction user.
/// </summary>
internal interface ISendFailureHandler
{
    /// <summary>Whether the sender still waits for an answer that would come back over the same connection.</summary>
    bool IsAwaitingResponse { get; }

    void OnSendFailed();
}
