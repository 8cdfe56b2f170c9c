using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Legs;

namespace Huawu.Telephony.Bridges;

/// <summary>
/// What one leg of a bridge is sent each tick (on the media thread): the other leg's received audio, or — while
/// either leg is held — music on hold, or silence that keeps RTP flowing so the listener's RTP timeout is not tripped.
/// </summary>
internal sealed class BridgeFeed(CallLeg listener, CallLeg speaker, IAudioSource? holdMusic) : IAudioSource
{
    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        // Hold in a bridge re-INVITEs the held leg only (RFC 3264 §8.4); the other leg is told nothing and hears music.
        if (listener.State == CallState.Held || speaker.State == CallState.Held)
        {
            if (holdMusic is not null) return holdMusic.TryRead(tick, frame);
            frame.Clear();
            return true;
        }
        return speaker.ReceivedAudio.TryRead(tick, frame);
    }
}
