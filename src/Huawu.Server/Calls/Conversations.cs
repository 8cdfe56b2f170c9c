using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Calls;

/// <summary>
/// Maps the engine's CTI events (per leg) to writes of call records (per conversation).
/// <para>
/// How legs map to records: a leg created for another (<see cref="CallCreated.OnBehalfOf"/>: the phones an extension call
/// rings, the target a transfer calls, an agent called for a customer) joins the record of the conversation that leg is
/// in; any other leg — an inbound call, an API originate without <c>OnBehalfOf</c>, or a leg whose conversation has
/// already ended — begins a record of its own, whose uuid is that leg's id. So an inbound call to an extension is one
/// record with the caller's leg and a leg per ringing phone; a transfer adds the target's leg to the same record; two
/// conversations bridged by the API stay two records, each with a <c>bridged</c> event naming the other's leg.
/// The record's answer time is its first leg's; it ends when its last leg ends (<see cref="Conversation"/>). Each leg keeps
/// its own answer and end; the events are the timeline, naming the leg and adding only what no column holds.
/// </para>
/// Events of legs whose creation was not seen (lost from the event stream) are skipped.
/// </summary>
internal sealed class Conversations(CallParties parties, bool storeDtmfDigits)
{
    private readonly Dictionary<CallId, Conversation> _byLeg = [];

    /// <summary>Legs up now, in any conversation.</summary>
    public int LiveLegs => _byLeg.Count;

    /// <summary>Whether <paramref name="leg"/> is up and began its conversation (the leg a recording follows).</summary>
    public bool IsFirstLeg(CallId leg) => _byLeg.TryGetValue(leg, out var conversation) && conversation.First == leg;

    /// <summary>Adds the writes <paramref name="cti"/> calls for to <paramref name="steps"/>, in order.</summary>
    public void Apply(CtiEvent cti, List<RecordStep> steps)
    {
        ArgumentNullException.ThrowIfNull(cti);
        ArgumentNullException.ThrowIfNull(steps);
        if (cti is CallCreated created) Begin(created, steps);
        if (!_byLeg.TryGetValue(cti.CallId, out var conversation)) return;
        var uuid = conversation.Uuid;
        if (cti is CallAnswered answered)
        {
            steps.Add(new MarkLegAnswered(uuid, answered.CallId.Value, answered.At));
            if (conversation.Answered(answered)) steps.Add(new MarkAnswered(uuid, answered.At));
        }
        var (kind, detail) = CallEventText.Of(cti, storeDtmfDigits);
        steps.Add(new AddEvent(uuid, cti.At, kind, detail));
        if (cti is not CallHungUp hungUp) return;
        _byLeg.Remove(hungUp.CallId);
        steps.Add(new EndLeg(uuid, hungUp.CallId.Value, HangupRecord.LegEnd(hungUp)));
        if (conversation.Leave(hungUp) is { } end) steps.Add(new CloseCall(uuid, end));
    }

    private void Begin(CallCreated created, List<RecordStep> steps)
    {
        if (_byLeg.ContainsKey(created.CallId)) return;
        if (created.OnBehalfOf is { } placedFor && _byLeg.TryGetValue(placedFor, out var conversation))
        {
            conversation.Join(created.CallId);
        }
        else
        {
            conversation = new Conversation(created.CallId);
            steps.Add(new OpenCall(conversation.Uuid, parties.Record(created)));
        }
        _byLeg[created.CallId] = conversation;
        steps.Add(new AddLeg(conversation.Uuid, parties.Leg(created)));
    }
}
