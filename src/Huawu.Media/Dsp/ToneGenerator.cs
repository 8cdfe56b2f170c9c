using Huawu.Media.Audio;
using Huawu.Media.Clock;

namespace Huawu.Media.Dsp;

/// <summary>
/// Generates a <see cref="ToneSpec"/> as 20 ms frames at the reader's rate: phase-continuous sines from a
/// 1024-point table with linear interpolation, following the cadence. With a <c>limit</c> it stops after
/// that long (an in-band DTMF key); otherwise it plays until removed.
/// </summary>
public sealed class ToneGenerator : IAudioSource
{
    private const int TableBits = 10;
    private static readonly float[] SineTable = BuildTable();
    private readonly ToneSpec _tone;
    private readonly TimeSpan? _limit;
    private readonly float _amplitude;
    private int _sampleRate;
    private uint _firstIncrement;
    private uint _secondIncrement;
    private uint _firstPhase;
    private uint _secondPhase;
    private long _position;

    public ToneGenerator(ToneSpec tone, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(tone);
        _tone = tone;
        _limit = limit;
        _amplitude = (float)(short.MaxValue * Math.Pow(10, (tone.LevelDbm0 - 3.17) / 20));
    }

    /// <summary>Whether a limited tone has finished.</summary>
    public bool IsFinished { get; private set; }

    public bool TryRead(in MediaTick tick, PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Generate(frame.Samples, frame.SampleRate) > 0;
    }

    /// <summary>Writes the next samples at <paramref name="sampleRate"/>; returns how many (fewer once the limit is reached, the rest zero).</summary>
    public int Generate(Span<short> output, int sampleRate)
    {
        if (sampleRate != _sampleRate) SetRate(sampleRate);
        var limit = _limit is { } duration ? (long)(duration.TotalSeconds * sampleRate) : long.MaxValue;
        var onSamples = (long)(_tone.On.TotalSeconds * sampleRate);
        var cycle = onSamples + (long)(_tone.Off.TotalSeconds * sampleRate);
        var produced = 0;
        for (var i = 0; i < output.Length; i++, _position++)
        {
            if (_position >= limit)
            {
                output[i..].Clear();
                break;
            }
            produced++;
            var sounding = cycle == 0 || _tone.Off == TimeSpan.Zero || _position % cycle < onSamples;
            var value = Sine(_firstPhase) + (_secondIncrement == 0 ? 0 : Sine(_secondPhase));
            _firstPhase += _firstIncrement;
            _secondPhase += _secondIncrement;
            output[i] = sounding ? (short)Math.Clamp(value * _amplitude, short.MinValue, short.MaxValue) : (short)0;
        }
        IsFinished = _position >= limit;
        return produced;
    }

    private void SetRate(int sampleRate)
    {
        _sampleRate = sampleRate;
        _firstIncrement = Increment(_tone.FirstFrequency, sampleRate);
        _secondIncrement = _tone.SecondFrequency > 0 ? Increment(_tone.SecondFrequency, sampleRate) : 0;
    }

    private static uint Increment(double frequency, int sampleRate) => (uint)(frequency / sampleRate * 4294967296.0);

    /// <summary>sin(2π·phase/2³²) by table lookup between the two nearest points.</summary>
    private static float Sine(uint phase)
    {
        var index = phase >> (32 - TableBits);
        var fraction = (phase << TableBits >> 8) * (1f / (1 << 24));
        var a = SineTable[index];
        return a + ((SineTable[index + 1] - a) * fraction);
    }

    private static float[] BuildTable()
    {
        var table = new float[(1 << TableBits) + 1];
        for (var i = 0; i < table.Length; i++) table[i] = (float)Math.Sin(2 * Math.PI * i / (1 << TableBits));
        return table;
    }
}
