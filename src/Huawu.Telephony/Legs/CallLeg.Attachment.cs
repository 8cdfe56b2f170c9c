using Huawu.Telephony.Bridges;
using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Legs;

// What the leg's audio is joined to (a bridge, a conference), and how its end and its DTMF reach that.
internal sealed partial class CallLeg
{
    private volatile ILegAttachment? _attachment;

    /// <summary>The bridge or conference this leg is in; written under <see cref="LegServices.AttachmentGate"/> only.</summary>
    public ILegAttachment? Attachment
    {
        get => _attachment;
        set => _attachment = value;
    }

    /// <summary>Answered, not ended, with media agreed: audio can be wired to and from it.</summary>
    public bool HasLiveMedia => IsUp && _media is { IsFlowing: true };

    /// <summary>The rate of the agreed codec's PCM (8000 for G.711); 0 before media is agreed.</summary>
    public int SampleRate => _media?.Stream.SampleRate ?? 0;

    public ICall? BridgedTo => (_attachment as CallBridge)?.PartnerOf(this);

    public Task<bool> BridgeAsync(ICall other, BridgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        // Calls of another engine cannot share this node's media clock.
        return Task.FromResult(other is CallLeg partner && CallBridge.TryConnect(_services, this, partner, options ?? BridgeOptions.Default));
    }

    public Task<bool> UnbridgeAsync()
    {
        lock (_services.AttachmentGate)
        {
            if (_attachment is not CallBridge bridge) return Task.FromResult(false);
            bridge.Dissolve();
            return Task.FromResult(true);
        }
    }

    /// <summary>At the end: leaves the bridge or conference; the work returned runs once the end is published.</summary>
    private Action? LeaveAttachment()
    {
        lock (_services.AttachmentGate) return _attachment?.OnLegEnded(this);
    }
}
