using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Legs;

/// <summary>
/// One <see cref="ICall.PlayAsync"/>: the source being played and the task that reports how it ended. Ends exactly
/// once: on the media thread when the source runs dry, or from the leg's mailbox when cancelled, replaced or hung up.
/// </summary>
internal sealed class PlaybackSlot
{
    private readonly IAudioSource _source;
    private readonly TaskCompletionSource<PlaybackResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _framesPlayed;
    private int _finished;

    public PlaybackSlot(IAudioSource source) => _source = source;

    public Task<PlaybackResult> Result => _result.Task;

    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    /// <summary>Media thread: this tick's frame, or false (and the end) when the source has nothing more.</summary>
    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        if (IsFinished) return false;
        if (_source.TryRead(tick, frame))
        {
            _framesPlayed++;
            return true;
        }
        Finish(PlaybackEnd.Completed);
        return false;
    }

    public void Finish(PlaybackEnd end)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) return;
        var played = Volatile.Read(ref _framesPlayed) * MediaClock.FrameDuration;
        _result.TrySetResult(new PlaybackResult(end, played));
    }
}
