using Huawu.Data.Calls;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Calls;

/// <summary>
/// The legs of one call record while any is up. The record ends when its last leg ends. Its cause and SIP status are
/// those of how the talk ended: the first answered leg to hang up other than by being transferred away (the party who
/// hung up; the legs ended with it come after), else — nobody answered — the first leg's (refused, cancelled, busy, no
/// answer). Who hung up is seen from the first leg, the customer's in inbound and dialed calls: remote when its far party
/// did, local when our side did (an agent's phone, the robot, Huawu). Its ring time is the first leg's (the wait for an
/// answer); its talk time runs from that leg's answer to the record's end, across transfers.
/// </summary>
internal sealed class Conversation(CallId first)
{
    private readonly HashSet<CallId> _live = [first];
    private readonly HashSet<CallId> _answered = [];
    private DateTimeOffset? _firstAnsweredAt;
    private CallHungUp? _firstEnd;
    private CallHungUp? _talkEnd;

    /// <summary>The record's uuid: the id of the conversation's first leg.</summary>
    public string Uuid { get; } = first.Value;

    public CallId First { get; } = first;

    public void Join(CallId leg) => _live.Add(leg);

    /// <summary>A leg answered; true when that answers the record (its first leg's answer).</summary>
    public bool Answered(CallAnswered answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        _answered.Add(answered.CallId);
        if (answered.CallId != First || _firstAnsweredAt is not null) return false;
        _firstAnsweredAt = answered.At;
        return true;
    }

    /// <summary>A leg ended; the record's end when it was the last.</summary>
    public CallEnd? Leave(CallHungUp hungUp)
    {
        ArgumentNullException.ThrowIfNull(hungUp);
        _live.Remove(hungUp.CallId);
        if (hungUp.CallId == First) _firstEnd = hungUp;
        if (_talkEnd is null && _answered.Contains(hungUp.CallId) && hungUp.Cause != HangupCause.Transferred) _talkEnd = hungUp;
        if (_live.Count > 0) return null;
        // The first leg is a member until it ends, so with no leg left it has ended.
        var firstEnd = _firstEnd!;
        var why = _talkEnd ?? firstEnd;
        return new CallEnd(hungUp.At, why.Cause.ToString())
        {
            HangupSide = why.CallId == First ? HangupRecord.Side(why.By) : CallSide.Local,
            SipStatus = why.SipStatus,
            RingDuration = firstEnd.RingDuration,
            TalkDuration = _firstAnsweredAt is { } answered ? hungUp.At - answered : TimeSpan.Zero,
        };
    }
}
