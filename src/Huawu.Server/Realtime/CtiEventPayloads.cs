using Huawu.Data.Protection;
using Huawu.Server.Security;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Realtime;

/// <summary>
/// CTI events (Huawu.Telephony.Cti) as realtime events: a dotted type (<c>call.answered</c>) and a data object built
/// for each viewer, with parties masked as phone numbers and DTMF keys (which can spell card or ID numbers) as
/// collected values.
/// </summary>
internal static class CtiEventPayloads
{
    public static RealtimeEvent ToRealtime(CtiEvent cti, EventAudience audience)
    {
        ArgumentNullException.ThrowIfNull(cti);
        var (type, data) = Describe(cti);
        return new RealtimeEvent(type, cti.At, cti.CallId.Value, audience, data);
    }

    private static (string Type, Func<PersonalDataView, object?> Data) Describe(CtiEvent cti) => cti switch
    {
        CallCreated e => ("call.created", view => new
        {
            direction = e.Direction.ToString().ToLowerInvariant(),
            from = PartyText.Show(view, e.From),
            to = PartyText.Show(view, e.To),
            trunk = e.Trunk,
        }),
        CallRinging => ("call.ringing", _ => null),
        CallAnswered e => ("call.answered", _ => new { codec = e.Codec }),
        CallBridged e => ("call.bridged", _ => new { otherCallId = e.OtherCallId.Value }),
        CallUnbridged e => ("call.unbridged", _ => new { otherCallId = e.OtherCallId.Value }),
        CallHeld e => ("call.held", _ => new { by = e.By.ToString().ToLowerInvariant() }),
        CallResumed e => ("call.resumed", _ => new { by = e.By.ToString().ToLowerInvariant() }),
        CallTransferred e => ("call.transferred", view => new
        {
            target = PartyText.Show(view, e.Target),
            succeeded = e.Succeeded,
            sipStatus = e.SipStatus,
        }),
        ConferenceMembershipChanged e => ("call.conference", _ => new { conference = e.Conference, joined = e.Joined, members = e.Members }),
        DtmfReceived e => ("call.dtmf", view => new
        {
            key = view.Show(DataClass.Variable, e.Key.ToString()),
            method = e.Method.ToString().ToLowerInvariant(),
        }),
        CallHungUp e => ("call.hungup", _ => new
        {
            cause = e.Cause.ToString(),
            causeCode = (int)e.Cause,
            by = e.By.ToString().ToLowerInvariant(),
            sipStatus = e.SipStatus,
            ringSeconds = e.RingDuration.TotalSeconds,
            talkSeconds = e.TalkDuration.TotalSeconds,
        }),
        _ => ("call.event", _ => new { kind = cti.GetType().Name }),
    };
}
