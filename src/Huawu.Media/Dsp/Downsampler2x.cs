namespace Huawu.Media.Dsp;

/// <summary>
/// Halves the sample rate (e.g. 16 → 8 kHz): half-band low-pass, keep every second sample. Only the
/// non-zero taps are computed, folded by symmetry. State carries across calls, so frames join seamlessly.
/// </summary>
internal sealed class Downsampler2x
{
    private const int History = HalfbandFilter.Taps - 1;
    private readonly float[] _pairCoefficients;
    private readonly float _centreCoefficient;
    private readonly float[] _work;

    /// <param name="maxInputLength">The longest input block one call takes (longer inputs are processed in pieces).</param>
    public Downsampler2x(int maxInputLength = 960)
    {
        var h = HalfbandFilter.Coefficients;
        // Non-zero taps sit at odd distances from the centre: pair (centre − d, centre + d) for d = 1, 3, 5, …
        _pairCoefficients = new float[(HalfbandFilter.Centre + 1) / 2];
        for (var p = 0; p < _pairCoefficients.Length; p++) _pairCoefficients[p] = (float)h[HalfbandFilter.Centre - (2 * p) - 1];
        _centreCoefficient = (float)h[HalfbandFilter.Centre];
        _work = new float[History + (maxInputLength & ~1)];
    }

    /// <summary>Filters an even number of input samples and writes half as many; returns that count.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length % 2 != 0) throw new ArgumentException("Halving the rate needs an even number of samples.", nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, input.Length / 2);
        var chunk = _work.Length - History;
        var written = 0;
        for (var start = 0; start < input.Length; start += chunk)
        {
            written += ProcessChunk(input.Slice(start, Math.Min(chunk, input.Length - start)), output[written..]);
        }
        return written;
    }

    public void Reset() => Array.Clear(_work);

    private int ProcessChunk(ReadOnlySpan<short> input, Span<short> output)
    {
        var work = _work.AsSpan(0, History + input.Length);
        for (var i = 0; i < input.Length; i++) work[History + i] = input[i];
        var outputs = input.Length / 2;
        for (var n = 0; n < outputs; n++)
        {
            // Output n is centred Centre samples behind input sample 2n + 1 (the newest at this output).
            var centre = (2 * n) + 1 + History - HalfbandFilter.Centre;
            var sum = _centreCoefficient * work[centre];
            for (var p = 0; p < _pairCoefficients.Length; p++)
            {
                var distance = (2 * p) + 1;
                sum += _pairCoefficients[p] * (work[centre - distance] + work[centre + distance]);
            }
            output[n] = Saturate(sum);
        }
        work[input.Length..].CopyTo(work);
        return outputs;
    }

    internal static short Saturate(float value) => (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
}
