using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Streams;
using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Legs;

/// <summary>
/// A stereo recording of one leg (left received, right sent), fed by the stream's taps on the media thread. A short
/// lock guards the hand-over at stop: once <see cref="Stop"/> has marked it stopped no frame is written, so the file
/// can be closed outside the lock while the taps go away.
/// </summary>
internal sealed class CallRecording : ICallRecording
{
    private readonly Lock _gate = new();
    private readonly WavWriter _writer;
    private readonly StereoRecorder _recorder;
    private readonly IDisposable[] _taps;
    private bool _stopped;

    private CallRecording(string path, MediaStream stream)
    {
        Path = path;
        _writer = WavWriter.Create(path, stream.SampleRate, 2);
        _recorder = new StereoRecorder(_writer);
        _taps = [stream.TapReceived(new Side(this, _recorder.Received)), stream.TapSent(new Side(this, _recorder.Sent))];
    }

    public string Path { get; }

    public bool IsRecording
    {
        get { lock (_gate) return !_stopped; }
    }

    public TimeSpan Duration
    {
        get { lock (_gate) return TimeSpan.FromSeconds((double)_writer.FrameCount / _writer.SampleRate); }
    }

    /// <summary>Starts recording a stream whose codec is agreed (its sample rate is known).</summary>
    public static CallRecording Start(string path, MediaStream stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new CallRecording(path, stream);
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
