using Huawu.Data.Calls;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Calls;

/// <summary>
/// The legs of one call record while any is up. The record ends when its last leg ends. Its cause is how the talk ended:
/// that of the first answered leg to hang up other than by being transferred away (the party who hung up; the legs ended
/// with it come after), else — nobody answered — that of the first leg (refused, cancelled, busy, no answer).
/// </summary>
internal sealed class Conversation(CallId first)
{
    private readonly HashSet<CallId> _live = [first];
    private readonly HashSet<CallId> _answered = [];
    private CallHungUp? _firstEnd;
    private CallHungUp? _talkEnd;

    /// <summary>The record's uuid: the id of the conversation's first leg.</summary>
    public string Uuid { get; } = first.Value;

    public CallId First { get; } = first;

    public void Join(CallId leg) => _live.Add(leg);

    public void Answered(CallId leg) => _answered.Add(leg);

    /// <summary>A leg ended; the record's end when it was the last.</summary>
    public CallEnd? Leave(CallHungUp hungUp)
    {
        ArgumentNullException.ThrowIfNull(hungUp);
        _live.Remove(hungUp.CallId);
        if (hungUp.CallId == First) _firstEnd = hungUp;
        if (_talkEnd is null && _answered.Contains(hungUp.CallId) && hungUp.Cause != HangupCause.Transferred) _talkEnd = hungUp;
        if (_live.Count > 0) return null;
        // The first leg is a member until it ends, so with no leg left it has ended.
        var why = _talkEnd ?? _firstEnd!;
        return new CallEnd(hungUp.At, why.Cause.ToString());
    }
}
