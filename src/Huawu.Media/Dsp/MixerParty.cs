using Huawu.Media.Audio;
using Huawu.Media.Clock;

namespace Huawu.Media.Dsp;

/// <summary>One party of a <see cref="ConferenceMixer"/>: a sink for its speech and a source of what it hears.</summary>
public sealed class MixerParty : IAudioSink, IAudioSource
{
    private readonly short[] _input;
    private readonly short[] _output;
    private long _inputTick = -1;
    private long _outputTick = -1;
    private bool _hasOutput;

    internal MixerParty(ConferenceMixer mixer, int frameSamples)
    {
        Mixer = mixer;
        _input = new short[frameSamples];
        _output = new short[frameSamples];
    }

    public ConferenceMixer Mixer { get; }

    internal ReadOnlySpan<short> Input => _input;

    public void Write(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        RequireRate(frame);
        frame.Samples.CopyTo(_input);
        _inputTick = tick.Index;
    }

    /// <summary>What this party hears on this tick; false when nobody else spoke (or the mix has not run).</summary>
    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        RequireRate(frame);
        if (_outputTick != tick.Index || !_hasOutput) return false;
        _output.CopyTo(frame.Samples);
        return true;
    }

    internal bool HasInputFor(long tickIndex) => _inputTick == tickIndex;

    internal void SetOutput(long tickIndex, bool hasOutput, ReadOnlySpan<int> sum, bool subtractOwn)
    {
        _outputTick = tickIndex;
        _hasOutput = hasOutput;
        if (!hasOutput) return;
        for (var i = 0; i < _output.Length; i++)
        {
            var mixed = subtractOwn ? sum[i] - _input[i] : sum[i];
            _output[i] = (short)Math.Clamp(mixed, short.MinValue, short.MaxValue);
        }
    }

    private void RequireRate(PcmFrame frame)
    {
        if (frame.SampleRate != Mixer.SampleRate)
        {
            throw new ArgumentException($"This conference mixes at {Mixer.SampleRate} Hz; adapt {frame.SampleRate} Hz audio with a Resampler.", nameof(frame));
        }
    }
}
