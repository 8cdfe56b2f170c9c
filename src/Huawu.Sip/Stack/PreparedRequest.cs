using Huawu.Sip.Messages;
using Huawu.Sip.Transport;

namespace Huawu.Sip.Stack;

/// <summary>A request ready for the wire: its final bytes (with Via) parsed back, and where it goes.</summary>
internal sealed record PreparedRequest(SipMessage Message, OutboundRoute Route);
