using Huawu.Telephony.Audio;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Legs;

namespace Huawu.Telephony.Bridges;

/// <summary>
/// Two answered legs that hear each other (a B2BUA bridge): each sends what the other received, tick by tick, and
/// both are told (<see cref="CallBridged"/>, <see cref="CallUnbridged"/>). Signalling stays per leg: a hold re-INVITEs
/// only the held leg, and while either is held both are sent music on hold (or silence) instead of each other. Every
/// change runs under the node's attachment gate.
/// </summary>
internal sealed class CallBridge : ILegAttachment
{
    private readonly LegServices _services;
    private readonly CallLeg _a;
    private readonly CallLeg _b;
    private IDisposable? _toA;
    private IDisposable? _toB;

    private CallBridge(LegServices services, CallLeg a, CallLeg b, BridgeOptions options)
    {
        _services = services;
        _a = a;
        _b = b;
        Options = options;
    }

    public BridgeOptions Options { get; }

    /// <summary>
    /// Bridges <paramref name="a"/> and <paramref name="b"/> when both are answered with media at one sample rate and
    /// neither is joined to anything else; true too when they are already bridged to each other.
    /// </summary>
    public static bool TryConnect(LegServices services, CallLeg a, CallLeg b, BridgeOptions options)
    {
        lock (services.AttachmentGate)
        {
            if (a.Attachment is CallBridge existing && existing.PartnerOf(a) == b) return true;
            if (a == b || a.Attachment is not null || b.Attachment is not null) return false;
            if (!a.HasLiveMedia || !b.HasLiveMedia || a.SampleRate != b.SampleRate) return false;
            var bridge = new CallBridge(services, a, b, options);
            a.Attachment = b.Attachment = bridge;
            bridge._toA = a.Transmit(bridge.Feed(a, b));
            bridge._toB = b.Transmit(bridge.Feed(b, a));
            var now = services.Time.GetUtcNow();
            a.Publish(new CallBridged(a.Id, now, b.Id));
            b.Publish(new CallBridged(b.Id, now, a.Id));
            return true;
        }
    }

    /// <summary>The other leg of the bridge.</summary>
    public CallLeg PartnerOf(CallLeg leg) => leg == _a ? _b : _a;

    /// <summary>Under the gate: takes the bridge apart; both legs stay up.</summary>
    public void Dissolve()
    {
        if (_a.Attachment != this) return;
        _a.Attachment = _b.Attachment = null;
        _toA?.Dispose();
        _toB?.Dispose();
        var now = _services.Time.GetUtcNow();
        _a.Publish(new CallUnbridged(_a.Id, now, _b.Id));
        _b.Publish(new CallUnbridged(_b.Id, now, _a.Id));
    }

    public Action? OnLegEnded(CallLeg leg)
    {
        Dissolve();
        var partner = PartnerOf(leg);
        return Options.HangUpTogether ? () => partner.HangupAsync(HangupCause.NormalClearing) : null;
    }

    public void OnDtmf(CallLeg leg, char key)
    {
        // RFC 4733 §2.5 regeneration: the key is sent anew on the other leg (or in-band there), not the packets forwarded.
        if (Options.RelayDtmf) _ = PartnerOf(leg).SendDtmfAsync(key.ToString());
    }

    private BridgeFeed Feed(CallLeg listener, CallLeg speaker) =>
        new(listener, speaker, Options.MusicOnHold ? _services.HoldMusic.CreateSource() : null);
}
