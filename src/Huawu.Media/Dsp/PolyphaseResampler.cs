using System.Numerics;

namespace Huawu.Media.Dsp;

/// <summary>
/// Converts 16-bit mono PCM between any two rates (espeak-ng's 22050 Hz, a model's 24 kHz or a 44.1 kHz WAV to a
/// call's 8 or 16 kHz, and back): a polyphase windowed-sinc low-pass at the lower rate's Nyquist frequency, so
/// downsampling does not alias and upsampling leaves no images. Streaming and allocation-free: feed consecutive
/// blocks of any size to <see cref="Process"/>, then <see cref="Flush"/> the tail at the end of the stream.
/// </summary>
/// <remarks>
/// The output is the input delayed by <see cref="Latency"/> output samples (the filter needs that much of the
/// future), so after R input samples exactly ⌈R·out/in⌉ outputs exist — a 20 ms frame at one rate always gives a
/// 20 ms frame at the other. Output n stands for input time (n − Latency)·in/out.
/// </remarks>
public sealed class PolyphaseResampler
{
    /// <summary>The ratio's reduced numerator bounds the shared filter table (phases × taps floats).</summary>
    public const int MaxPhases = 1024;

    // Input is taken in pieces of at most this many samples beside the filter's history.
    private const int Block = 1024;
    private readonly PolyphaseFilterBank? _bank;
    private readonly int _up;
    private readonly int _down;
    private readonly long _phaseOffset;
    private readonly long _centreOffset;
    private readonly float[] _history;
    private int _buffered;
    private long _bufferStart;
    private long _received;
    private long _produced;

    /// <exception cref="ArgumentException">The ratio is not supported (<see cref="IsSupported"/>).</exception>
    public PolyphaseResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        if (!IsSupported(inputRate, outputRate))
        {
            throw new ArgumentException($"Resampling {inputRate} Hz to {outputRate} Hz needs more than {MaxPhases} filter phases.", nameof(outputRate));
        }
        InputRate = inputRate;
        OutputRate = outputRate;
        var divisor = Gcd(inputRate, outputRate);
        _up = outputRate / divisor;
        _down = inputRate / divisor;
        if (_up == _down)
        {
            _history = [];
            return;
        }
        _bank = PolyphaseFilterBank.For(_up, _down);
        // The delay is a whole number of outputs covering at least half the filter, so output n only needs inputs
        // before ⌈n·down/up⌉. Its position (n − Latency)·down/up is computed from n·down + an offset that keeps the
        // division non-negative: centre = (n·down + phaseOffset) / up − centreOffset.
        Latency = (int)(((long)_bank.HalfTaps * _up + _down - 1) / _down);
        _centreOffset = (((long)Latency * _down) + _up - 1) / _up;
        _phaseOffset = (_centreOffset * _up) - ((long)Latency * _down);
        _history = new float[_centreOffset + _bank.HalfTaps + Block];
        Reset();
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Output samples by which the output lags the input; <see cref="Flush"/> writes exactly this many.</summary>
    public int Latency { get; }

    /// <summary>Whether the ratio of two positive rates is supported: its reduced form has at most <see cref="MaxPhases"/> phases.</summary>
    public static bool IsSupported(int inputRate, int outputRate) =>
        inputRate > 0 && outputRate > 0 && outputRate / Gcd(inputRate, outputRate) <= MaxPhases;

    /// <summary>The most samples <see cref="Process"/> writes for a block of <paramref name="inputLength"/>: ⌈length·out/in⌉.</summary>
    public int MaxOutputLength(int inputLength) => (int)OutputsCovering(inputLength);

    /// <summary>Converts the next block of the stream; returns the samples written to <paramref name="output"/>.</summary>
    /// <param name="output">At least <see cref="MaxOutputLength"/>(input.Length) samples.</param>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, MaxOutputLength(input.Length), nameof(output));
        if (_bank is null)
        {
            input.CopyTo(output);
            return input.Length;
        }
        var written = 0;
        while (!input.IsEmpty)
        {
            var piece = input[..Math.Min(input.Length, _history.Length - _buffered)];
            for (var i = 0; i < piece.Length; i++) _history[_buffered + i] = piece[i];
            _buffered += piece.Length;
            _received += piece.Length;
            input = input[piece.Length..];
            written += Drain(_bank, OutputsCovering(_received), output[written..]);
        }
        return written;
    }

    /// <summary>
    /// Ends the stream: writes the last <see cref="Latency"/> samples (the filter run over silence after the input)
    /// and resets, ready for a new stream. Returns the samples written.
    /// </summary>
    public int Flush(Span<short> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, Latency, nameof(output));
        if (_bank is null) return 0;
        var target = OutputsCovering(_received) + Latency;
        var written = 0;
        while (_produced < target)
        {
            // Silence after the end; each round fills the free space, and the history never fills the buffer.
            _history.AsSpan(_buffered).Clear();
            _buffered = _history.Length;
            written += Drain(_bank, target, output[written..]);
        }
        Reset();
        return written;
    }

    /// <summary>Forgets the stream (e.g. when the input restarts): the next block is the start of a new one.</summary>
    public void Reset()
    {
        if (_bank is null) return;
        _received = 0;
        _produced = 0;
        // Silence before the first sample: output 0's window reaches this far back.
        _buffered = (int)_centreOffset + _bank.HalfTaps - 1;
        _bufferStart = -_buffered;
        _history.AsSpan(0, _buffered).Clear();
    }

    private long OutputsCovering(long inputs) => ((inputs * _up) + _down - 1) / _down;

    private int Drain(PolyphaseFilterBank bank, long target, Span<short> output)
    {
        var written = 0;
        for (; _produced < target; _produced++, written++)
        {
            var position = (_produced * _down) + _phaseOffset;
            var first = (int)(FirstTap(bank, position) - _bufferStart);
            if (first + bank.Taps > _buffered) break;
            var sum = Dot(bank.Phase((int)(position % _up)), _history.AsSpan(first, bank.Taps));
            output[written] = (short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue);
        }
        // Keep only what the next output's window still needs.
        var drop = (int)Math.Clamp(FirstTap(bank, (_produced * _down) + _phaseOffset) - _bufferStart, 0, _buffered);
        _history.AsSpan(drop, _buffered - drop).CopyTo(_history);
        _buffered -= drop;
        _bufferStart += drop;
        return written;
    }

    private long FirstTap(PolyphaseFilterBank bank, long position) => (position / _up) - _centreOffset - bank.HalfTaps + 1;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static float Dot(ReadOnlySpan<float> weights, ReadOnlySpan<float> samples)
    {
        var sums = Vector<float>.Zero;
        var k = 0;
        for (; k <= weights.Length - Vector<float>.Count; k += Vector<float>.Count)
        {
            sums += new Vector<float>(weights[k..]) * new Vector<float>(samples[k..]);
        }
        var sum = Vector.Sum(sums);
        for (; k < weights.Length; k++) sum += weights[k] * samples[k];
        return sum;
    }
}
