namespace Huawu.Speech.Endpointing;

/// <summary>
/// Divides the sample rate by three (48 → 16 kHz, 24 → 8 kHz), which <see cref="Huawu.Media.Dsp.Resampler"/> (factors
/// of two only) cannot: a Kaiser-windowed sinc low-pass, computed only at the kept samples. Tuned for detection, not
/// for listening: the pass band reaches 0.8 of the new Nyquist frequency, and what little aliases lands above it.
/// State carries across calls, so blocks of any length join seamlessly.
/// </summary>
internal sealed class Decimator3x
{
    private const int Factor = 3;
    private const int Taps = 49;
    private const int History = Taps - 1;
    private const double Cutoff = 0.8 / (2 * Factor); // cycles per input sample
    private const double Beta = 7.0;

    private static readonly float[] Coefficients = Design();

    private readonly float[] _work;
    private int _skip;

    /// <param name="maxInputLength">The longest block one call takes.</param>
    public Decimator3x(int maxInputLength) => _work = new float[History + maxInputLength];

    /// <summary>Output samples the next call makes from <paramref name="inputLength"/> input samples.</summary>
    public int GetOutputLength(int inputLength) => inputLength <= _skip ? 0 : ((inputLength - _skip - 1) / Factor) + 1;

    /// <summary>Filters <paramref name="input"/> and writes every third sample; returns how many.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.Length, _work.Length - History, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, GetOutputLength(input.Length), nameof(output));
        var work = _work.AsSpan(0, History + input.Length);
        for (var i = 0; i < input.Length; i++) work[History + i] = input[i];
        var written = 0;
        var n = _skip;
        for (; n < input.Length; n += Factor)
        {
            // The output at input n uses x[n − Taps + 1 … n]; x[n] sits at work[History + n].
            var sum = 0f;
            for (var k = 0; k < Taps; k++) sum += Coefficients[k] * work[n + k];
            output[written++] = (short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue);
        }
        _skip = n - input.Length;
        work[input.Length..].CopyTo(work);
        return written;
    }

    public void Reset()
    {
        Array.Clear(_work);
        _skip = 0;
    }

    private static float[] Design()
    {
        var centre = (Taps - 1) / 2.0;
        var h = new double[Taps];
        for (var i = 0; i < Taps; i++)
        {
            var t = i - centre;
            var ideal = t == 0 ? 2 * Cutoff : Math.Sin(2 * Math.PI * Cutoff * t) / (Math.PI * t);
            var ratio = t / centre;
            h[i] = ideal * BesselI0(Beta * Math.Sqrt(1 - (ratio * ratio))) / BesselI0(Beta);
        }
        var sum = h.Sum();
        return h.Select(c => (float)(c / sum)).ToArray();
    }

    private static double BesselI0(double x)
    {
        // Power series of the modified Bessel function of the first kind, order 0 (converges fast for β ≤ 10).
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
