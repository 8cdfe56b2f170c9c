using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Testing;

namespace Huawu.Server.Tests.Calls;

/// <summary>
/// Writes the CTI events the engine would publish for some legs, stamped with a fake clock the test moves, and publishes
/// them; hang-ups carry the ring and talk time the engine would compute from the leg's creation and answer.
/// </summary>
internal sealed class CtiScript(CallRecordRig rig)
{
    private readonly Dictionary<CallId, DateTimeOffset> _created = [];
    private readonly Dictionary<CallId, DateTimeOffset> _answered = [];

    private ManualTimeProvider Time => rig.Time;

    private DateTimeOffset Now => Time.GetUtcNow();

    public void Wait(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public void Inbound(string leg, string from, string to, string? trunk = "carrier") =>
        Created(new CallCreated(new CallId(leg), Now, CallDirection.Inbound, from, to, trunk));

    public void Outbound(string leg, string to, string from = "huawu", string? trunk = null, string? onBehalfOf = null) =>
        Created(new CallCreated(new CallId(leg), Now, CallDirection.Outbound, from, to, trunk, onBehalfOf is null ? null : new CallId(onBehalfOf)));

    public void Ringing(string leg) => rig.Publish(new CallRinging(new CallId(leg), Now));

    public void Answered(string leg)
    {
        _answered[new CallId(leg)] = Now;
        rig.Publish(new CallAnswered(new CallId(leg), Now, "PCMA"));
    }

    /// <summary>Both legs hear each other: each gets its event, as in a B2BUA bridge.</summary>
    public void Bridged(string a, string b) =>
        rig.Publish(new CallBridged(new CallId(a), Now, new CallId(b)), new CallBridged(new CallId(b), Now, new CallId(a)));

    public void Unbridged(string a, string b) =>
        rig.Publish(new CallUnbridged(new CallId(a), Now, new CallId(b)), new CallUnbridged(new CallId(b), Now, new CallId(a)));

    public void Held(string leg, HangupSide by) => rig.Publish(new CallHeld(new CallId(leg), Now, by));

    public void Resumed(string leg, HangupSide by) => rig.Publish(new CallResumed(new CallId(leg), Now, by));

    public void Dtmf(string leg, char key) => rig.Publish(new DtmfReceived(new CallId(leg), Now, key, DtmfMethod.Rfc4733));

    public void Transferred(string leg, string target, bool succeeded, int? sipStatus) =>
        rig.Publish(new CallTransferred(new CallId(leg), Now, target, succeeded, sipStatus));

    public void HungUp(string leg, HangupCause cause, HangupSide by, int? sipStatus = null)
    {
        var id = new CallId(leg);
        var answered = _answered.TryGetValue(id, out var at) ? at : (DateTimeOffset?)null;
        rig.Publish(new CallHungUp(id, Now, cause, by, sipStatus, (answered ?? Now) - _created[id], answered is { } a ? Now - a : TimeSpan.Zero));
    }

    private void Created(CallCreated created)
    {
        _created[created.CallId] = created.At;
        rig.Publish(created);
    }
}
