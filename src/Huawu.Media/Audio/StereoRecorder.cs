using Huawu.Media.Clock;

namespace Huawu.Media.Audio;

/// <summary>
/// Records a call leg in stereo into an <see cref="IRecordingSink"/>: left is what the leg received (the remote party),
/// right is what it sent. Attach <see cref="Received"/> and <see cref="Sent"/> as the stream's sinks; each tick's pair is
/// written together, and a side that delivered nothing on a tick is recorded as silence, so the channels stay aligned.
/// Writes happen on the media thread into one preallocated interleaved block.
/// </summary>
public sealed class StereoRecorder : IDisposable
{
    private const int Left = 0;
    private const int Right = 1;

    private readonly IRecordingSink _sink;
    private readonly short[] _interleaved;
    private long _pendingTick = -1;
    private bool _hasLeft;
    private bool _hasRight;
    private bool _completed;

    public StereoRecorder(IRecordingSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _interleaved = new short[2 * PcmFrame.SamplesPerFrame(sink.SampleRate)];
        Received = new Side(this, isLeft: true);
        Sent = new Side(this, isLeft: false);
    }

    /// <summary>The sink for received audio (left channel).</summary>
    public IAudioSink Received { get; }

    /// <summary>The sink for sent audio (right channel).</summary>
    public IAudioSink Sent { get; }

    /// <summary>Stereo sample frames written so far (one left and one right sample each).</summary>
    public long FramesWritten { get; private set; }

    /// <summary>Writes the last pair and completes the sink.</summary>
    public void Dispose()
    {
        if (_completed) return;
        _completed = true;
        Flush();
        _sink.Complete();
    }

    private void Write(bool isLeft, in MediaTick tick, PcmFrame frame)
    {
        if (frame.SampleRate != _sink.SampleRate)
        {
            throw new ArgumentException($"This recording is {_sink.SampleRate} Hz; got a {frame.SampleRate} Hz frame.", nameof(frame));
        }
        if (_pendingTick != tick.Index) Flush();
        _pendingTick = tick.Index;
        Interleave(frame.Samples, isLeft ? Left : Right);
        if (isLeft) _hasLeft = true;
        else _hasRight = true;
        if (_hasLeft && _hasRight) Flush();
    }

    private void Flush()
    {
        if (!_hasLeft && !_hasRight) return;
        if (!_hasLeft) Silence(Left);
        if (!_hasRight) Silence(Right);
        _sink.Write(_interleaved);
        FramesWritten += _interleaved.Length / 2;
        _hasLeft = _hasRight = false;
        _pendingTick = -1;
    }

    private void Interleave(ReadOnlySpan<short> samples, int channel)
    {
        for (var i = 0; i < samples.Length; i++) _interleaved[(2 * i) + channel] = samples[i];
    }

    private void Silence(int channel)
    {
        for (var i = channel; i < _interleaved.Length; i += 2) _interleaved[i] = 0;
    }

    private sealed class Side(StereoRecorder recorder, bool isLeft) : IAudioSink
    {
        public void Write(in MediaTick tick, PcmFrame frame)
        {
            ArgumentNullException.ThrowIfNull(frame);
            recorder.Write(isLeft, tick, frame);
        }
    }
}
