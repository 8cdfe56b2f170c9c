using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Sip.Transport;
using Huawu.Sip.Validation;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Signaling;
using Microsoft.Extensions.Logging;
using ListenerOptions = Huawu.Sip.Stack.SipListenerOptions;

namespace Huawu.Telephony.Engine;

/// <summary>The SIP stack's settings for a node, from the telephony configuration.</summary>
internal static class StackOptions
{
    public static SipStackOptions For(TelephonyOptions options, ILogger logger)
    {
        var sip = options.Sip;
        return new SipStackOptions
        {
            Listeners = [.. sip.Listen.Select(l => new ListenerOptions(l.Transport == SipTransportKind.Tcp ? TransportProtocol.Tcp : TransportProtocol.Udp, l.Address, l.Port))],
            PublicAddress = string.IsNullOrEmpty(sip.PublicAddress) ? null : sip.PublicAddress,
            UserAgent = sip.UserAgent,
            MaxServerTransactions = sip.MaxTransactions,
            Connections = SipConnectionLimits.Default with { MaxConnections = sip.MaxConnections },
            // What the call layer handles (RFC 3261 §8.2.1: others get 405 with this Allow): REFER and the NOTIFYs of
            // its subscription carry transfers (RFC 3515), their progress in message/sipfrag (RFC 3420).
            Capabilities = new LocalCapabilities
            {
                Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE", "INFO", "REGISTER", "REFER", "NOTIFY"],
                ContentTypes = [SdpBodies.ContentType, DtmfInfo.RelayType, DtmfInfo.PlainType, ReferNotify.SipFragType],
            },
            UnhandledException = exception => logger.LogError(exception, "SIP stack: a bug while handling a message"),
        };
    }
}
