using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Streams;
using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Legs;

/// <summary>
/// A stereo recording of one leg (left received, right sent) into a caller's sink, fed by the stream's taps on the media
/// thread. A short lock guards the hand-over at stop: once <see cref="Stop"/> has marked it stopped no frame is written,
/// so the last pair is flushed and the sink completed outside the lock while the taps go away.
/// </summary>
internal sealed class CallRecording : ICallRecording
{
    private readonly Lock _gate = new();
    private readonly StereoRecorder _recorder;
    private readonly int _sampleRate;
    private readonly IDisposable[] _taps;
    private bool _stopped;

    private CallRecording(IRecordingSink sink, MediaStream stream)
    {
        _sampleRate = sink.SampleRate;
        _recorder = new StereoRecorder(sink);
        _taps = [stream.TapReceived(new Side(this, _recorder.Received)), stream.TapSent(new Side(this, _recorder.Sent))];
    }

    public bool IsRecording
    {
        get { lock (_gate) return !_stopped; }
    }

    public TimeSpan Duration
    {
        get { lock (_gate) return TimeSpan.FromSeconds((double)_recorder.FramesWritten / _sampleRate); }
    }

    /// <summary>
    /// Starts recording a stream whose codec is agreed (its sample rate is known); null when the sink takes another rate
    /// (the frames go to the sink as the stream has them: a wideband leg would need a resampler in between).
    /// </summary>
    public static CallRecording? TryStart(IRecordingSink sink, MediaStream stream)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return sink.SampleRate == stream.SampleRate ? new CallRecording(sink, stream) : null;
    }

    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
        }
        foreach (var tap in _taps) tap.Dispose();
        _recorder.Dispose();
    }

    public void Dispose() => Stop();

    private void Write(IAudioSink side, in MediaTick tick, PcmFrame frame)
    {
        lock (_gate)
        {
            if (!_stopped) side.Write(tick, frame);
        }
    }

    private sealed class Side(CallRecording owner, IAudioSink side) : IAudioSink
    {
        public void Write(in MediaTick tick, PcmFrame frame) => owner.Write(side, tick, frame);
    }
}
