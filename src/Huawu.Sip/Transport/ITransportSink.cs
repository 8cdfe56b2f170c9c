namespace Huawu.Sip.Transport;

/// <summary>Where transports hand every message they read (the stack's dispatcher).</summary>
internal interface ITransportSink
{
    void OnReceived(in ReceivedMessage message);
}
