using Huawu.Sip.Diagnostics;

namespace Huawu.Sip.Transport;

/// <summary>What a stream connection needs from the transport that owns it.</summary>
internal interface IStreamConnectionHost
{
    ISipTransport Transport { get; }

    SipConnectionLimits Limits { get; }

    TimeProvider Time { get; }

    SipCounters Counters { get; }

    void Deliver(in ReceivedMessage message);

    void OnClosed(StreamConnection connection);
}
