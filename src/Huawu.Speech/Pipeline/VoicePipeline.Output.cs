using Huawu.Media.Audio;
using Huawu.Media.Clock;

namespace Huawu.Speech.Pipeline;

// The send side, on the media thread: the queued playbacks, read 20 ms per tick in order, one joining the next within a
// frame; a playback's first packet measures the turn it replies to.
public sealed partial class VoicePipeline
{
    private long _lastRobotAudio;

    /// <summary>Whether the robot has something to say: a playback is playing, or queued.</summary>
    public bool IsSpeaking => !_playbacks.IsEmpty;

    /// <summary>Fills the frame with what the robot says this tick; false when it says nothing (media thread).</summary>
    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.SampleRate != SampleRate || !Enter()) return false;
        try
        {
            var samples = frame.Samples;
            var filled = 0;
            while (filled < samples.Length && _playbacks.TryPeek(out var playback))
            {
                if (playback.StopRequested)
                {
                    Finish(Dequeue(), PlaybackOutcome.Stopped, tick.Timestamp);
                    continue;
                }
                var read = playback.Read(samples[filled..]);
                if (read > 0 && playback.FirstPacket == 0) StartedPlaying(playback, tick.Timestamp);
                filled += read;
                if (playback.IsDrained)
                {
                    Finish(Dequeue(), playback.Error is null ? PlaybackOutcome.Completed : PlaybackOutcome.Failed, tick.Timestamp);
                    continue;
                }
                // Synthesis is behind: send what there is (the rest of the frame silent), or nothing.
                if (read == 0) break;
            }
            if (filled == 0)
            {
                _echo.OnSent([]);
                return false;
            }
            samples[filled..].Clear();
            _echo.OnSent(samples);
            _lastRobotAudio = tick.Timestamp;
            return true;
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Stops whatever the robot says or has queued, from the next tick (<see cref="PlaybackOutcome.Stopped"/>).</summary>
    public void StopSpeaking()
    {
        foreach (var playback in _playbacks)
        {
            playback.RequestStop();
            playback.StopProducing();
        }
    }

    /// <summary>The caller spoke over the robot: everything queued stops now, so this tick sends none of it.</summary>
    private void BargeIn(PipelineTurn turn)
    {
        var played = TimeSpan.Zero;
        var first = 0L;
        while (_playbacks.TryDequeue(out var playback))
        {
            if (first == 0)
            {
                first = playback.Id;
                played = Duration(playback.SamplesPlayed);
            }
            Finish(playback, PlaybackOutcome.BargedIn, _frameTimestamp);
            ThreadPool.UnsafeQueueUserWorkItem(static p => p.StopProducing(), playback, preferLocal: false);
        }
        Publish(new PipelineEvent.BargedIn(CallTime(_frameTimestamp), turn.Id, first, played));
    }

    private SpeechPlayback Dequeue()
    {
        _playbacks.TryDequeue(out var playback);
        return playback!;
    }

    private void Finish(SpeechPlayback playback, PlaybackOutcome outcome, long timestamp)
    {
        var ended = new PipelineEvent.PlaybackEnded(CallTime(timestamp), playback.Id, outcome,
            playback.FirstPacket == 0 ? null : CallTime(playback.FirstPacket), Duration(playback.SamplesPlayed), playback.Error);
        playback.Complete(ended);
        Publish(ended);
    }

    /// <summary>A playback's first packet: if it replies to a turn, the turn's latency is complete.</summary>
    private void StartedPlaying(SpeechPlayback playback, long tick)
    {
        playback.FirstPacket = tick;
        if (playback.ReplyTo is not { Endpoint: not 0 } turn) return;
        var latency = new TurnLatency(
            Total: Between(turn.SpeechEnd, tick),
            Endpointing: Between(turn.SpeechEnd, turn.Endpoint),
            TrailingSilence: turn.Options.Endpointing.TrailingSilence,
            Recognition: Between(turn.Endpoint, turn.Final),
            Dialogue: Between(turn.Final, playback.Requested),
            Synthesis: Between(playback.Requested, playback.FirstAudio),
            Playout: Between(playback.FirstAudio, tick));
        Publish(new PipelineEvent.TurnMeasured(CallTime(tick), turn.Id, playback.Id, latency));
    }

    private TimeSpan Duration(long samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SampleRate);
}
