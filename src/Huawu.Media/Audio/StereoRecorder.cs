using Huawu.Media.Clock;

namespace Huawu.Media.Audio;

/// <summary>
/// Records a call leg to a stereo WAV: left is what the leg received (the remote party), right is what it
/// sent. Attach <see cref="Received"/> and <see cref="Sent"/> as the stream's sinks; each tick's pair is
/// written together, and a side that delivered nothing on a tick is recorded as silence, so the channels
/// stay aligned. Writes happen on the media thread into a buffered stream.
/// </summary>
public sealed class StereoRecorder : IDisposable
{
    private readonly WavWriter _writer;
    private readonly short[] _left;
    private readonly short[] _right;
    private long _pendingTick = -1;
    private bool _hasLeft;
    private bool _hasRight;

    public StereoRecorder(WavWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer.Channels != 2) throw new ArgumentException("A call recording is stereo.", nameof(writer));
        _writer = writer;
        _left = new short[PcmFrame.SamplesPerFrame(writer.SampleRate)];
        _right = new short[_left.Length];
        Received = new Side(this, isLeft: true);
        Sent = new Side(this, isLeft: false);
    }

    /// <summary>The sink for received audio (left channel).</summary>
    public IAudioSink Received { get; }

    /// <summary>The sink for sent audio (right channel).</summary>
    public IAudioSink Sent { get; }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
    }

    private void Write(bool isLeft, in MediaTick tick, PcmFrame frame)
    {
        if (frame.SampleRate != _writer.SampleRate)
        {
            throw new ArgumentException($"This recording is {_writer.SampleRate} Hz; got a {frame.SampleRate} Hz frame.", nameof(frame));
        }
        if (_pendingTick != tick.Index) Flush();
        _pendingTick = tick.Index;
        frame.Samples.CopyTo(isLeft ? _left : _right);
        if (isLeft) _hasLeft = true;
        else _hasRight = true;
        if (_hasLeft && _hasRight) Flush();
    }

    private void Flush()
    {
        if (!_hasLeft && !_hasRight) return;
        if (!_hasLeft) Array.Clear(_left);
        if (!_hasRight) Array.Clear(_right);
        _writer.WriteStereo(_left, _right);
        _hasLeft = _hasRight = false;
        _pendingTick = -1;
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
