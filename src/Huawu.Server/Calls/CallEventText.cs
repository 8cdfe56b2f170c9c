using System.Globalization;
using Huawu.Server.Hosting;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Calls;

/// <summary>
/// A CTI event as a call event row, the call's timeline: a snake_case kind and a <c>key=value</c> detail naming the leg and
/// adding only what no column holds (a leg's trunk, answer and end — cause, side, SIP status — are columns of the leg;
/// its ring and talk time follow from its times). Details carry no personal data: phone numbers (a transfer's target)
/// are masked as in the log, and DTMF keys — which may be a card number or a PIN — are kept only when the configuration
/// allows (<see cref="CallRecordOptions.StoreDtmfDigits"/>).
/// </summary>
internal static class CallEventText
{
    public static (string Kind, string Detail) Of(CtiEvent cti, bool withDtmfKeys)
    {
        ArgumentNullException.ThrowIfNull(cti);
        var leg = "leg=" + cti.CallId.Value;
        return cti switch
        {
            CallCreated c => ("created", $"{leg} direction={Lower(c.Direction)}" + Optional("for", c.OnBehalfOf?.Value)),
            CallRinging => ("ringing", leg),
            CallAnswered a => ("answered", $"{leg} codec={a.Codec}"),
            CallBridged b => ("bridged", $"{leg} with={b.OtherCallId.Value}"),
            CallUnbridged u => ("unbridged", $"{leg} from={u.OtherCallId.Value}"),
            CallHeld h => ("held", $"{leg} by={Lower(h.By)}"),
            CallResumed r => ("resumed", $"{leg} by={Lower(r.By)}"),
            CallTransferred t => ("transferred", $"{leg} to={CallEventLog.Party(t.Target)} succeeded={(t.Succeeded ? "true" : "false")}" +
                                                 Optional("sip", Number(t.SipStatus))),
            ConferenceMembershipChanged m => (m.Joined ? "conference_joined" : "conference_left",
                $"{leg} conference={CallEventLog.Party(m.Conference)} members={Number(m.Members)}"),
            DtmfReceived d => ("dtmf", $"{leg} method={Lower(d.Method)}" + (withDtmfKeys ? $" key={d.Key}" : "")),
            CallHungUp => ("hung_up", leg),
            _ => (cti.GetType().Name, leg),
        };
    }

    private static string Optional(string key, string? value) => value is null ? "" : $" {key}={value}";

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
