using Huawu.Sip.Headers;

namespace Huawu.Sip.Stack;

/// <summary>One socket to listen on. Port 0 picks a free port; the bound one is in <see cref="SipStack.LocalEndPoints"/>.</summary>
public sealed record SipListenerOptions(TransportProtocol Transport, string Address, int Port);
