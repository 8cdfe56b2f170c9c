using Huawu.Media.Clock;

namespace Huawu.Media.Audio;

/// <summary>
/// Supplies 20 ms of audio per tick: a stream's received audio (echo, bridge), a conference mix, a WAV
/// prompt, a tone. Called on a media thread in the <see cref="MediaTickPhase.Send"/> phase.
/// </summary>
public interface IAudioSource
{
    /// <summary>
    /// Fills <paramref name="frame"/> (at its own sample rate) with this tick's audio. Returns false when there is
    /// nothing to send this tick (the stream then sends no packet and marks the next one as a talkspurt start).
    /// </summary>
    bool TryRead(in MediaTick tick, PcmFrame frame);
}
