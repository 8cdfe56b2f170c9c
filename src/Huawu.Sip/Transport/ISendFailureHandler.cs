namespace Huawu.Sip.Transport;

/// <summary>Told when a message could not be sent: RFC 3261 §8.1.3.1 makes that a 503 for the transaction user.</summary>
internal interface ISendFailureHandler
{
    void OnSendFailed();
}
