using Huawu.Media.Audio;
using Huawu.Media.Clock;

namespace Huawu.Media.Dsp;

/// <summary>
/// Reads another source at its own rate and converts each frame to the reader's rate, e.g. to bridge a
/// 16 kHz leg into an 8 kHz one. The conversion state persists across ticks, so audio joins seamlessly.
/// </summary>
public sealed class ResamplingAudioSource : IAudioSource
{
    private readonly IAudioSource _inner;
    private readonly PcmFrame _innerFrame;
    private Resampler? _resampler;

    /// <param name="inner">The source to read.</param>
    /// <param name="innerSampleRate">The rate at which <paramref name="inner"/> is read.</param>
    public ResamplingAudioSource(IAudioSource inner, int innerSampleRate)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _innerFrame = new PcmFrame(innerSampleRate);
    }

    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_resampler is null || _resampler.OutputRate != frame.SampleRate)
        {
            // Created on first use, once the reader's rate is known; not per tick.
            _resampler = Resampler.Create(_innerFrame.SampleRate, frame.SampleRate);
        }
        if (!_inner.TryRead(tick, _innerFrame))
        {
            _resampler.Reset();
            return false;
        }
        _resampler.Process(_innerFrame.Samples, frame.Samples);
        return true;
    }
}
