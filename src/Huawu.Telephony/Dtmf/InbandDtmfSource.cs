using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Dsp;

namespace Huawu.Telephony.Dtmf;

/// <summary>
/// DTMF keys as in-band tone pairs (ITU-T Q.23), for calls that did not agree on RFC 4733 telephone-event: each key
/// sounds for <see cref="ToneDuration"/>, followed by <see cref="PauseDuration"/> of silence (Q.24 receivers need
/// at least 40 ms of each). Ends after the last pause. The generators are made up front, so ticks allocate nothing.
/// </summary>
internal sealed class InbandDtmfSource : IAudioSource
{
    public static readonly TimeSpan ToneDuration = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan PauseDuration = TimeSpan.FromMilliseconds(60);

    private readonly ToneGenerator[] _keys;
    private int _current;
    private int _pauseFramesLeft = -1;

    private InbandDtmfSource(ToneGenerator[] keys) => _keys = keys;

    /// <summary>False when a character is not a DTMF key.</summary>
    public static bool TryCreate(string digits, out InbandDtmfSource? source)
    {
        source = null;
        var keys = new ToneGenerator[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            if (!DtmfTones.TryGet(digits[i], ToneDuration, out var tone)) return false;
            keys[i] = new ToneGenerator(tone, ToneDuration);
        }
        source = new InbandDtmfSource(keys);
        return true;
    }

    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_current >= _keys.Length) return false;
        if (_pauseFramesLeft < 0)
        {
            var tone = _keys[_current];
            tone.TryRead(tick, frame);
            if (tone.IsFinished) _pauseFramesLeft = (int)(PauseDuration / MediaClock.FrameDuration);
            return true;
        }
        frame.Clear();
        if (--_pauseFramesLeft <= 0)
        {
            _pauseFramesLeft = -1;
            _current++;
        }
        return true;
    }
}
