namespace Huawu.Media.Dsp;

/// <summary>
/// Doubles the sample rate (e.g. 8 → 16 kHz): zero-stuff and half-band low-pass, computed as two phases.
/// With zeros between inputs, one output phase reduces to the centre tap (a plain delayed copy) and the
/// other to the non-zero odd-distance taps. State carries across calls, so frames join seamlessly.
/// </summary>
internal sealed class Upsampler2x
{
    private const int Pairs = (HalfbandFilter.Centre + 1) / 2;
    private const int History = 2 * Pairs;
    private readonly float[] _pairCoefficients;
    private readonly float[] _work;

    /// <param name="maxInputLength">The longest input block one call takes (longer inputs are processed in pieces).</param>
    public Upsampler2x(int maxInputLength = 480)
    {
        var h = HalfbandFilter.Coefficients;
        _pairCoefficients = new float[Pairs];
        // Gain 2 restores the level lost to the inserted zeros.
        for (var p = 0; p < Pairs; p++) _pairCoefficients[p] = 2 * (float)h[HalfbandFilter.Centre - (2 * p) - 1];
        _work = new float[History + maxInputLength];
    }

    /// <summary>Writes twice as many samples as <paramref name="input"/> holds; returns that count.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, input.Length * 2);
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
        for (var n = 0; n < input.Length; n++)
        {
            // Between inputs m = History + n − Pairs and m + 1: the interpolated sample, then the delayed original.
            var m = History + n - Pairs;
            var sum = 0f;
            for (var p = 0; p < Pairs; p++) sum += _pairCoefficients[p] * (work[m - p] + work[m + 1 + p]);
            output[2 * n] = Downsampler2x.Saturate(sum);
            output[(2 * n) + 1] = (short)work[m + 1];
        }
        work[input.Length..].CopyTo(work);
        return input.Length * 2;
    }
}
