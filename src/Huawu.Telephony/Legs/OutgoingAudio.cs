using Huawu.Media.Audio;
using Huawu.Media.Clock;

namespace Huawu.Telephony.Legs;

/// <summary>
/// What a leg sends, as the one source its stream reads each tick: a playback when one runs, else the transmitted
/// source (an echo, a bridge, music), else nothing. Swapped from the mailbox, read on the media thread: both
/// references are replaced whole, so a tick sees either the old or the new one.
/// </summary>
internal sealed class OutgoingAudio : IAudioSource
{
    private IAudioSource? _transmitted;
    private PlaybackSlot? _playback;

    public PlaybackSlot? Playback => Volatile.Read(ref _playback);

    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        var playback = Volatile.Read(ref _playback);
        if (playback is not null)
        {
            if (playback.TryRead(tick, frame)) return true;
            // Ran dry this tick: the transmitted source fills it, so the far end hears no gap.
            Interlocked.CompareExchange(ref _playback, null, playback);
        }
        return Volatile.Read(ref _transmitted)?.TryRead(tick, frame) ?? false;
    }

    /// <summary>Starts a playback; returns the one it replaced, if still running.</summary>
    public PlaybackSlot? Play(PlaybackSlot slot) => Interlocked.Exchange(ref _playback, slot);

    /// <summary>Stops <paramref name="slot"/> if it is still the one playing.</summary>
    public void Stop(PlaybackSlot slot) => Interlocked.CompareExchange(ref _playback, null, slot);

    /// <summary>Transmits <paramref name="source"/> until the token is disposed (or another source is transmitted).</summary>
    public IDisposable Transmit(IAudioSource source)
    {
        Volatile.Write(ref _transmitted, source);
        return new Transmission(this, source);
    }

    private sealed class Transmission(OutgoingAudio owner, IAudioSource source) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref owner._transmitted, null, source);
    }
}
