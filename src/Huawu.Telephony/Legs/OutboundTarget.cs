using Huawu.Sip.Stack;

namespace Huawu.Telephony.Legs;

/// <summary>
/// Where one outbound leg goes: the INVITE's Request-URI, From and To, how it is sent (a trunk's or phone's address,
/// digest credentials), and the names the call shows (<see cref="Party"/> is the number or extension dialled).
/// </summary>
internal sealed record OutboundTarget(string RequestUri, string From, string To, string Party, string Caller, string? Trunk, SipSendOptions SendOptions);
