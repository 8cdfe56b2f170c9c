using Huawu.Media.Clock;
using Huawu.Media.Dsp;
using Huawu.Telephony.Bridges;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Legs;

namespace Huawu.Telephony.Conferences;

/// <summary>
/// A conference on the node's media clock: a <see cref="ConferenceMixer"/> in the Mix phase, fed by each member's
/// received audio (Receive phase) and read by each member's stream (Send phase), so every member hears the sum of
/// the others, never itself. Membership changes run under the node's attachment gate.
/// </summary>
internal sealed class Conference : IConference, ILegAttachment
{
    /// <summary>G.711's rate, the only one legs have today; a leg at another rate is refused rather than mis-mixed.</summary>
    private const int SampleRate = 8000;

    private readonly LegServices _services;
    private readonly Action<Conference> _onEnded;
    private readonly ConferenceMixer _mixer = new(SampleRate);
    private readonly IDisposable _mixing;
    private readonly Dictionary<CallLeg, Member> _members = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Conference(string name, LegServices services, Action<Conference> onEnded)
    {
        Name = name;
        _services = services;
        _onEnded = onEnded;
        _mixing = services.Media.Clock.Subscribe(_mixer, MediaTickPhase.Mix);
    }

    public string Name { get; }

    public IReadOnlyCollection<ICall> Members
    {
        get
        {
            lock (_services.AttachmentGate) return [.. _members.Keys];
        }
    }

    public Task Ended => _ended.Task;

    private Lock Gate => _services.AttachmentGate;

    public Task<bool> AddAsync(ICall call, bool muted = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (Gate) return Task.FromResult(call is CallLeg leg && TryAdd(leg, muted));
    }

    public Task<bool> RemoveAsync(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (Gate)
        {
            if (call is not CallLeg leg || !_members.ContainsKey(leg)) return Task.FromResult(false);
            Leave(leg);
            return Task.FromResult(true);
        }
    }

    public Task<bool> SetMutedAsync(ICall call, bool muted)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (Gate) return Task.FromResult(call is CallLeg leg && _members.TryGetValue(leg, out var member) && member.SetMuted(leg, muted));
    }

    public async Task EndAsync()
    {
        List<CallLeg> members;
        lock (Gate)
        {
            members = [.. _members.Keys];
            foreach (var leg in members) Leave(leg, endWhenEmpty: false);
            End();
        }
        foreach (var leg in members) await leg.HangupAsync(HangupCause.NormalClearing);
    }

    public Action? OnLegEnded(CallLeg leg)
    {
        Leave(leg);
        return null;
    }

    public void OnDtmf(CallLeg leg, char key)
    {
        // Keys stay with the member that pressed them (its collector, CTI); a conference relays no one's keys.
    }

    private bool TryAdd(CallLeg leg, bool muted)
    {
        if (_ended.Task.IsCompleted || !leg.HasLiveMedia || leg.SampleRate != SampleRate) return false;
        if (_members.TryGetValue(leg, out var existing)) return existing.SetMuted(leg, muted);
        if (leg.Attachment is CallBridge bridge) bridge.Dissolve();
        else if (leg.Attachment is not null) return false;
        var party = _mixer.AddParty();
        var member = new Member(party, leg.Transmit(party));
        member.SetMuted(leg, muted);
        _members.Add(leg, member);
        leg.Attachment = this;
        Announce(leg, joined: true);
        return true;
    }

    private void Leave(CallLeg leg, bool endWhenEmpty = true)
    {
        if (!_members.Remove(leg, out var member)) return;
        leg.Attachment = null;
        member.Dispose();
        _mixer.RemoveParty(member.Party);
        Announce(leg, joined: false);
        if (endWhenEmpty && _members.Count == 0) End();
    }

    /// <summary>One event per change, on the call that joined or left, with how many members there are now.</summary>
    private void Announce(CallLeg changed, bool joined) =>
        changed.Publish(new ConferenceMembershipChanged(changed.Id, _services.Time.GetUtcNow(), Name, joined, _members.Count));

    private void End()
    {
        if (_ended.Task.IsCompleted) return;
        _mixing.Dispose();
        _onEnded(this);
        _ended.TrySetResult();
    }

    /// <summary>One member's wiring: the mix it is sent, and (unless muted) its voice into the mix.</summary>
    private sealed class Member(MixerParty party, IDisposable hearing) : IDisposable
    {
        private IDisposable? _speaking;

        public MixerParty Party { get; } = party;

        public bool SetMuted(CallLeg leg, bool muted)
        {
            if (muted)
            {
                _speaking?.Dispose();
                _speaking = null;
            }
            else
            {
                _speaking ??= leg.TapReceivedAudio(Party);
            }
            return true;
        }

        public void Dispose()
        {
            _speaking?.Dispose();
            hearing.Dispose();
        }
    }
}
