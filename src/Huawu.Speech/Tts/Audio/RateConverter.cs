namespace Huawu.Speech.Tts.Audio;

/// <summary>
/// Converts 16-bit mono PCM between any two rates (espeak-ng's 22050 Hz or an HTTP server's 24 kHz to a prompt's
/// 8 kHz…), streaming: feed blocks as they come, then <see cref="Flush"/> at the end. A polyphase windowed-sinc
/// filter for the rational ratio out/in: each output sample is a weighted sum of the input around its position, the
/// weights a sinc low-pass at the lower Nyquist frequency (so downsampling does not alias) under a Blackman window
/// of <see cref="ZeroCrossings"/> lobes each side.
/// </summary>
internal sealed class RateConverter
{
    private const int ZeroCrossings = 16;
    private readonly int _up;
    private readonly int _down;
    private readonly int _halfTaps;
    private readonly float[][] _phases;
    private short[] _buffer;
    private int _buffered;
    private long _bufferStart;
    private long _inputCount;
    private long _outputCount;

    public RateConverter(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        var divisor = Gcd(inputRate, outputRate);
        _up = outputRate / divisor;
        _down = inputRate / divisor;
        var cutoff = Math.Min(1.0, (double)outputRate / inputRate);
        _halfTaps = (int)Math.Ceiling(ZeroCrossings / cutoff);
        _phases = BuildPhases(_up, _halfTaps, cutoff);
        // Input before the first sample is silence: the window reaches back _halfTaps samples.
        _buffer = new short[Math.Max(4096, 4 * _halfTaps)];
        _bufferStart = -_halfTaps;
        _buffered = _halfTaps;
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Converts a block; returns the output samples it completes (the last few wait for later input).</summary>
    public short[] Process(ReadOnlySpan<short> input)
    {
        Append(input);
        _inputCount += input.Length;
        return Drain(_inputCount);
    }

    /// <summary>Completes the output with silence after the last input: the tail of the stream.</summary>
    public short[] Flush()
    {
        Append(new short[_halfTaps + 1]);
        return Drain(_inputCount);
    }

    /// <summary>Converts a whole clip at once.</summary>
    public static short[] Convert(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        if (inputRate == outputRate) return input.ToArray();
        var converter = new RateConverter(inputRate, outputRate);
        return [.. converter.Process(input), .. converter.Flush()];
    }

    private short[] Drain(long inputLimit)
    {
        var output = new List<short>();
        while (true)
        {
            var position = _outputCount * _down;
            var center = position / _up;
            // The stream has as many outputs as the input covers; each needs its window's right half buffered.
            if (center >= inputLimit || center + _halfTaps >= _bufferStart + _buffered) break;
            var weights = _phases[(int)(position % _up)];
            var first = (int)(center - _halfTaps + 1 - _bufferStart);
            var sum = 0.0f;
            for (var k = 0; k < weights.Length; k++) sum += weights[k] * _buffer[first + k];
            output.Add((short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue));
            _outputCount++;
        }
        Discard((_outputCount * _down / _up) - _halfTaps + 1);
        return [.. output];
    }

    private void Append(ReadOnlySpan<short> input)
    {
        if (_buffered + input.Length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, _buffered + input.Length));
        input.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += input.Length;
    }

    private void Discard(long keepFrom)
    {
        var drop = (int)Math.Clamp(keepFrom - _bufferStart, 0, _buffered);
        if (drop == 0) return;
        _buffer.AsSpan(drop, _buffered - drop).CopyTo(_buffer);
        _buffered -= drop;
        _bufferStart += drop;
    }

    /// <summary>
    /// Row p weighs the input samples around an output that falls p/up of the way past an input sample: tap k sits at
    /// distance x = p/up + halfTaps − 1 − k from it, weight cutoff·sinc(cutoff·x)·blackman(x); rows sum to one.
    /// </summary>
    private static float[][] BuildPhases(int up, int halfTaps, double cutoff)
    {
        var phases = new float[up][];
        for (var p = 0; p < up; p++)
        {
            var row = new double[2 * halfTaps];
            for (var k = 0; k < row.Length; k++)
            {
                var x = ((double)p / up) + halfTaps - 1 - k;
                row[k] = cutoff * Sinc(cutoff * x) * Blackman(x / halfTaps);
            }
            var total = row.Sum();
            phases[p] = row.Select(w => (float)(w / total)).ToArray();
        }
        return phases;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Blackman(double r) =>
        Math.Abs(r) >= 1 ? 0 : 0.42 + (0.5 * Math.Cos(Math.PI * r)) + (0.08 * Math.Cos(2 * Math.PI * r));

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
