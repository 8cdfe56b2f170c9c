using Huawu.Media.Clock;
using Huawu.Media.Dsp;

namespace Huawu.Media.Audio;

/// <summary>
/// Plays an <see cref="AudioClip"/> into a stream, 20 ms per tick at the stream's rate (resampled when the
/// clip's rate differs). The last partial frame is padded with silence; afterwards it reads nothing,
/// unless it loops.
/// </summary>
public sealed class PlaybackSource : IAudioSource
{
    private readonly AudioClip _clip;
    private readonly bool _loop;
    private readonly short[] _clipFrame;
    private Resampler? _resampler;
    private int _position;

    public PlaybackSource(AudioClip clip, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(clip);
        _clip = clip;
        _loop = loop;
        _clipFrame = new short[PcmFrame.SamplesPerFrame(clip.SampleRate)];
    }

    /// <summary>Whether a non-looping clip has played to its end.</summary>
    public bool IsFinished => !_loop && _position >= _clip.Samples.Length;

    /// <summary>How much of the clip has played.</summary>
    public TimeSpan Position => TimeSpan.FromSeconds((double)_position / _clip.SampleRate);

    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (IsFinished || _clip.Samples.IsEmpty) return false;
        FillClipFrame();
        if (frame.SampleRate == _clip.SampleRate)
        {
            _clipFrame.CopyTo(frame.Samples);
            return true;
        }
        if (_resampler is null || _resampler.OutputRate != frame.SampleRate)
        {
            // Once per playback (or rate change), not per tick.
            _resampler = Resampler.Create(_clip.SampleRate, frame.SampleRate);
        }
        _resampler.Process(_clipFrame, frame.Samples);
        return true;
    }

    /// <summary>Starts again from the beginning.</summary>
    public void Rewind()
    {
        _position = 0;
        _resampler?.Reset();
    }

    private void FillClipFrame()
    {
        var samples = _clip.Samples;
        var filled = 0;
        while (filled < _clipFrame.Length)
        {
            if (_position >= samples.Length)
            {
                if (!_loop)
                {
                    _clipFrame.AsSpan(filled).Clear();
                    return;
                }
                _position = 0;
            }
            var count = Math.Min(_clipFrame.Length - filled, samples.Length - _position);
            samples.Slice(_position, count).CopyTo(_clipFrame.AsSpan(filled));
            _position += count;
            filled += count;
        }
    }
}
